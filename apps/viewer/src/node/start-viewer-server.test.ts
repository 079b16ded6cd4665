import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalRun } from '../../test/minimal-run.js';
import type { ViewerIndex } from '../shared/viewer-index.js';
import { startViewerServer, type ViewerServer } from './start-viewer-server.js';

/** GET a raw path (no URL normalisation by fetch, so traversal attempts reach the server). */
function get(server: ViewerServer, path: string): Promise<{ status: number; body: string }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

let root: string;
let server: ViewerServer;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'fmnist-viewer-server-'));
  const runs = join(root, 'runs');
  await mkdir(join(runs, 'good', 'model'), { recursive: true });
  await writeFile(join(runs, 'good', 'run.json'), JSON.stringify(minimalRun()));
  await writeFile(join(runs, 'good', 'model', 'model.json'), '{"weightsManifest":[]}');
  await writeFile(join(runs, 'good', 'checkpoint.secret'), 'not served');
  await mkdir(join(runs, 'half'), { recursive: true });
  await mkdir(join(runs, 'cut'), { recursive: true });
  await writeFile(join(runs, 'cut', 'run.json'), '{"schemaVersion": 1, "id"');
  await writeFile(join(root, 'secret.txt'), 'outside');
  const experiment = join(root, 'experiments', 'suite-1');
  await mkdir(join(experiment, 'runs', 'inner'), { recursive: true });
  await writeFile(
    join(experiment, 'runs', 'inner', 'run.json'),
    JSON.stringify(minimalRun({ name: 'inner' })),
  );
  await writeFile(
    join(experiment, 'experiment.json'),
    JSON.stringify({
      runs: [
        { path: 'runs/inner' },
        { path: '../../runs/good' },
        { path: '../../secret.txt' },
        { path: '/etc' },
      ],
    }),
  );
  server = await startViewerServer({ runsDir: runs, experimentsDir: join(root, 'experiments') });
});
afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe('startViewerServer', () => {
  it('listens on 127.0.0.1 and serves the app', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await get(server, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="app">');
    expect((await get(server, '/assets/app.js')).status).toBe(200);
  });

  it('lists runs and experiments, reporting half-written and malformed ones as errors', async () => {
    const index = JSON.parse((await get(server, '/api/index')).body) as ViewerIndex;
    const byKey = Object.fromEntries(index.runs.map((r) => [r.key, r]));
    expect(Object.keys(byKey).sort()).toEqual([
      'experiments/suite-1/runs/inner',
      'runs/cut',
      'runs/good',
      'runs/half',
    ]);
    expect(byKey['runs/good']).toMatchObject({ hasModel: true, record: { name: 'first' } });
    expect(byKey['runs/half']?.error).toMatch(/not there/);
    expect(byKey['runs/cut']?.error).toMatch(/not valid JSON/);
    expect(index.experiments).toHaveLength(1);
    expect(index.experiments[0]?.runKeys).toEqual(['experiments/suite-1/runs/inner', 'runs/good']);
  });

  it("serves a run's run.json and model files, and nothing else", async () => {
    const key = encodeURIComponent('runs/good');
    expect(JSON.parse((await get(server, `/api/runs/${key}/run.json`)).body).name).toBe('first');
    expect((await get(server, `/api/runs/${key}/model/model.json`)).status).toBe(200);
    expect((await get(server, `/api/runs/${key}/checkpoint.secret`)).status).toBe(404);
    expect((await get(server, `/api/runs/${key}/model/..%2F..%2F..%2Fsecret.txt`)).status).toBe(
      404,
    );
    expect(
      (await get(server, `/api/runs/${encodeURIComponent('runs/../..')}/run.json`)).status,
    ).toBe(404);
    expect((await get(server, '/api/runs/nope/run.json')).status).toBe(404);
  });

  it('refuses paths outside the app folder', async () => {
    for (const path of [
      '/../../secret.txt',
      '/%2e%2e/%2e%2e/package.json',
      '/..%2f..%2fpackage.json',
    ]) {
      const res = await get(server, path);
      expect(res.status).toBe(404);
    }
  });
});
