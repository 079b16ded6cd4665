import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { type IncomingHttpHeaders, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalRun } from '../../test/minimal-run.js';
import { minimalSweep } from '../../test/minimal-sweep.js';
import type { IndexChange, ViewerIndex } from '../shared/viewer-index.js';
import { startViewerServer, type ViewerServer } from './start-viewer-server.js';

interface Answer {
  status: number;
  body: string;
  headers: IncomingHttpHeaders;
}

/** GET a raw path (no URL normalisation by fetch, so traversal attempts reach the server). */
function get(
  server: ViewerServer,
  path: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path, method: 'GET', headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Open the change stream and collect its text until `until` matches it. */
function stream(server: ViewerServer, until: RegExp, headers: Record<string, string> = {}) {
  const url = new URL(server.url);
  let text = '';
  let close = () => {};
  const done = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: '/api/events', headers },
      (res) => {
        res.setEncoding('utf8');
        if (res.statusCode !== 200) {
          res.resume();
          resolve({ status: res.statusCode ?? 0, text });
          return;
        }
        res.on('data', (chunk: string) => {
          text += chunk;
          if (until.test(text)) {
            req.destroy();
            resolve({ status: 200, text });
          }
        });
      },
    );
    req.on('error', (error) => (text ? resolve({ status: 200, text }) : reject(error)));
    close = () => req.destroy();
    req.end();
  });
  return { done, close };
}

let root: string;
let runs: string;
let server: ViewerServer;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'fmnist-viewer-server-'));
  runs = join(root, 'runs');
  await mkdir(join(runs, 'good', 'model'), { recursive: true });
  await writeFile(join(runs, 'good', 'run.json'), JSON.stringify(minimalRun()));
  await writeFile(join(runs, 'good', 'model', 'model.json'), '{"weightsManifest":[]}');
  await writeFile(join(runs, 'good', 'checkpoint.secret'), 'not served');
  await mkdir(join(runs, 'half'), { recursive: true });
  await mkdir(join(runs, 'cut'), { recursive: true });
  await writeFile(join(runs, 'cut', 'run.json'), '{"schemaVersion": 1, "id"');
  await writeFile(join(root, 'secret.txt'), 'SECRET-TEXT outside the folders');
  await writeFile(
    join(root, 'secret.json'),
    JSON.stringify({ ...minimalRun({ name: 'SECRET-JSON' }) }),
  );
  // Hostile: run.json links to files outside its directory.
  await mkdir(join(runs, 'link-json'), { recursive: true });
  await symlink(join(root, 'secret.json'), join(runs, 'link-json', 'run.json'));
  await mkdir(join(runs, 'link-text'), { recursive: true });
  await symlink(join(root, 'secret.txt'), join(runs, 'link-text', 'run.json'));
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
  await mkdir(join(root, 'experiments', 'being-made'), { recursive: true });
  const sweep = join(root, 'sweeps', 'lr-1');
  await mkdir(join(sweep, 'trials', 't1'), { recursive: true });
  await writeFile(
    join(sweep, 'trials', 't1', 'run.json'),
    JSON.stringify(minimalRun({ name: 'trial one' })),
  );
  await writeFile(
    join(sweep, 'sweep.json'),
    JSON.stringify(
      minimalSweep(
        [
          { path: 'trials/t1', params: { learningRate: 0.01 } },
          { path: 'trials/t2', params: { learningRate: 0.1 } },
        ],
        { name: 'lr', status: 'running' },
      ),
    ),
  );
  // A sweep.json that is JSON but not a SweepRecord: listed with the reason, its runs still found.
  await mkdir(join(root, 'sweeps', 'bad-1', 'trials', 't1'), { recursive: true });
  await writeFile(
    join(root, 'sweeps', 'bad-1', 'sweep.json'),
    JSON.stringify({ name: 'bad', status: 'running', runs: [{ path: 'trials/t1' }] }),
  );
  // Hostile: an experiment.json and a sweep.json linking out, a run.json that is a pipe (a
  // reader that opened it would block) or a directory, a model file linking out, and a run
  // folder that is a link to a run elsewhere.
  await mkdir(join(root, 'experiments', 'link-out'), { recursive: true });
  await symlink(
    join(root, 'secret.json'),
    join(root, 'experiments', 'link-out', 'experiment.json'),
  );
  await mkdir(join(root, 'sweeps', 'link-out'), { recursive: true });
  await symlink(join(root, 'secret.json'), join(root, 'sweeps', 'link-out', 'sweep.json'));
  await mkdir(join(runs, 'fifo'), { recursive: true });
  execFileSync('mkfifo', [join(runs, 'fifo', 'run.json')]);
  await mkdir(join(runs, 'dir-json', 'run.json'), { recursive: true });
  await symlink(join(root, 'secret.txt'), join(runs, 'good', 'model', 'weights.bin'));
  await mkdir(join(root, 'elsewhere'), { recursive: true });
  await writeFile(
    join(root, 'elsewhere', 'run.json'),
    JSON.stringify(minimalRun({ name: 'SECRET-ELSEWHERE' })),
  );
  await symlink(join(root, 'elsewhere'), join(runs, 'linked-away'));
  server = await startViewerServer({
    runsDir: runs,
    experimentsDir: join(root, 'experiments'),
    sweepsDir: join(root, 'sweeps'),
    heartbeatSeconds: 1,
  });
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

  it('lists summaries, not records; half-made folders are not errors, malformed ones are', async () => {
    const answer = await get(server, '/api/index');
    const index = JSON.parse(answer.body) as ViewerIndex;
    const byKey = Object.fromEntries(index.runs.map((r) => [r.key, r]));
    expect(Object.keys(byKey).sort()).toEqual([
      'experiments/suite-1/runs/inner',
      'runs/cut',
      'runs/dir-json',
      'runs/fifo',
      'runs/good',
      'runs/link-json',
      'runs/link-text',
      'sweeps/lr-1/trials/t1',
    ]);
    expect(byKey['runs/good']).toMatchObject({
      hasModel: true,
      summary: { name: 'first', epochs: 2 },
    });
    expect(JSON.stringify(byKey['runs/good']).length).toBeLessThan(2048);
    expect(answer.body).not.toContain('pixels');
    expect(byKey['runs/cut']?.error).toMatch(/not valid JSON/);
    const experiments = Object.fromEntries(index.experiments.map((e) => [e.key, e]));
    expect(Object.keys(experiments).sort()).toEqual([
      'experiments/link-out',
      'experiments/suite-1',
      'sweeps/bad-1',
      'sweeps/link-out',
      'sweeps/lr-1',
    ]);
    // A sweep lists its trials' runs; a trial not run yet is null.
    expect(experiments['sweeps/lr-1']).toMatchObject({
      kind: 'sweep',
      runKeys: ['sweeps/lr-1/trials/t1', null],
    });
    expect(experiments['sweeps/lr-1']?.error).toBeUndefined();
    expect(experiments['experiments/suite-1']?.runKeys).toEqual([
      'experiments/suite-1/runs/inner',
      'runs/good',
      null,
      null,
    ]);
  });

  it('validates sweep.json with @fmnist/metrics: a malformed one is listed with the reason', async () => {
    const index = JSON.parse((await get(server, '/api/index')).body) as ViewerIndex;
    const bad = index.experiments.find((e) => e.key === 'sweeps/bad-1');
    expect(bad).toMatchObject({ kind: 'sweep' });
    expect(bad?.error).toMatch(/^invalid sweep record: schemaVersion must be 1/);
  });

  it('refuses record files that are pipes, directories or links out, and run folders linked from elsewhere', async () => {
    const body = (await get(server, '/api/index')).body;
    expect(body).not.toContain('SECRET');
    const index = JSON.parse(body) as ViewerIndex;
    const error = (key: string) =>
      [...index.runs, ...index.experiments].find((e) => e.key === key)?.error;
    expect(error('runs/fifo')).toBe('run.json is a named pipe, not a file: refused, not read');
    expect(error('runs/dir-json')).toBe('run.json is a directory, not a file: refused, not read');
    expect(error('experiments/link-out')).toMatch(/experiment\.json is a link to a file outside/);
    expect(error('sweeps/link-out')).toMatch(/sweep\.json is a link to a file outside/);
    expect(index.runs.some((r) => r.key.includes('linked-away'))).toBe(false);
    for (const key of ['runs/fifo', 'runs/dir-json', 'runs/linked-away']) {
      const file = await get(server, `/api/runs/${encodeURIComponent(key)}/run.json`);
      expect(file.status, key).toBe(404);
    }
    // A model file linking out of the run is not served either.
    const weights = await get(
      server,
      `/api/runs/${encodeURIComponent('runs/good')}/model/weights.bin`,
    );
    expect(weights.status).toBe(404);
    expect(weights.body).not.toContain('SECRET');
  });

  it('does not follow a run.json link out of its directory, in the index or the file endpoint', async () => {
    const index = await get(server, '/api/index');
    expect(index.body).not.toContain('SECRET');
    const entry = (JSON.parse(index.body) as ViewerIndex).runs.find(
      (r) => r.key === 'runs/link-json',
    );
    expect(entry?.error).toMatch(/outside its directory/);
    expect(entry?.summary).toBeUndefined();
    for (const key of ['runs/link-json', 'runs/link-text']) {
      const file = await get(server, `/api/runs/${encodeURIComponent(key)}/run.json`);
      expect(file.status).toBe(404);
      expect(file.body).not.toContain('SECRET');
    }
  });

  it('answers the index and run.json with ETags: 304 when nothing changed', async () => {
    const first = await get(server, '/api/index');
    const etag = first.headers.etag ?? '';
    expect(etag).toMatch(/index-\d+/);
    expect((await get(server, '/api/index', { 'if-none-match': etag })).status).toBe(304);
    const path = `/api/runs/${encodeURIComponent('runs/good')}/run.json`;
    const record = await get(server, path);
    expect(JSON.parse(record.body).name).toBe('first');
    const again = await get(server, path, { 'if-none-match': record.headers.etag ?? '' });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
  });

  it("serves a run's run.json and model files, and nothing else", async () => {
    const key = encodeURIComponent('runs/good');
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
      expect((await get(server, path)).status).toBe(404);
    }
  });

  it('pushes changes on its event stream: hello, then what changed, then keep-alive comments', async () => {
    const { version } = JSON.parse((await get(server, '/api/index')).body) as ViewerIndex;
    const events = stream(server, /event: change[\s\S]*: still here/);
    await new Promise((done) => setTimeout(done, 200));
    await mkdir(join(runs, 'new'), { recursive: true });
    await writeFile(join(runs, 'new', 'run.json'), JSON.stringify(minimalRun({ name: 'new one' })));
    const { text } = await events.done;
    expect(text).toContain(`event: hello\ndata: {"version":${version}}`);
    const change = JSON.parse(/event: change\ndata: (.*)\n/.exec(text)?.[1] ?? '{}') as IndexChange;
    expect(change.from).toBe(version);
    expect(change.runs.map((r) => [r.key, r.summary?.name])).toEqual([['runs/new', 'new one']]);
  });

  it('pushes a run.json link out of its directory as refused, never its target', async () => {
    const events = stream(server, /event: change[\s\S]*link-later/);
    await new Promise((done) => setTimeout(done, 200));
    await mkdir(join(runs, 'link-later'), { recursive: true });
    await symlink(join(root, 'secret.json'), join(runs, 'link-later', 'run.json'));
    const { text } = await events.done;
    expect(text).not.toContain('SECRET');
    const change = JSON.parse(
      /event: change\ndata: (.*link-later.*)\n/.exec(text)?.[1] ?? '{}',
    ) as IndexChange;
    expect(change.runs.find((r) => r.key === 'runs/link-later')?.error).toMatch(
      /outside its directory/,
    );
  });

  it('answers only to localhost, 127.0.0.1 and [::1] on every endpoint, change stream included', async () => {
    for (const path of [
      '/',
      '/assets/app.js',
      '/api/index',
      `/api/runs/${encodeURIComponent('runs/good')}/run.json`,
      `/api/runs/${encodeURIComponent('runs/good')}/model/model.json`,
    ]) {
      for (const host of ['evil.example', 'evil.example:80', '192.168.1.2:8080']) {
        const answer = await get(server, path, { host });
        expect(answer.status, `${host} ${path}`).toBe(403);
        expect(answer.body).not.toContain('first');
      }
      for (const host of [
        'localhost',
        `localhost:${new URL(server.url).port}`,
        '127.0.0.1',
        '[::1]:1234',
      ]) {
        expect((await get(server, path, { host })).status, `${host} ${path}`).toBe(200);
      }
    }
    expect((await stream(server, /hello/, { host: 'evil.example' }).done).status).toBe(403);
    expect((await stream(server, /hello/, { host: 'localhost' }).done).text).toContain(
      'event: hello',
    );
  });

  it('answers a name given with allowedHosts, and still no other', async () => {
    const other = await startViewerServer({
      runsDir: runs,
      experimentsDir: join(root, 'experiments'),
      allowedHosts: ['box.lan'],
    });
    try {
      expect((await get(other, '/api/index', { host: 'box.lan:8080' })).status).toBe(200);
      expect((await stream(other, /hello/, { host: 'box.lan' }).done).text).toContain(
        'event: hello',
      );
      const refused = await get(other, '/api/index', { host: 'evil.example' });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatch(/--allow-host/);
    } finally {
      await other.close();
    }
  });
});
