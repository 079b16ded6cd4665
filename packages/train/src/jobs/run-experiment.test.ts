import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTinyDatasetDir } from '@fmnist/dataset/testing';
import { parseExperimentRecord, parseRunRecord } from '@fmnist/metrics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PACKAGE = new URL('../../', import.meta.url);
let dataDir: string;
let cwd: string;

beforeAll(async () => {
  dataDir = await createTinyDatasetDir({ train: 200, test: 50 });
  cwd = await mkdtemp(join(tmpdir(), 'fmnist-experiment-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await rm(cwd, { recursive: true, force: true });
});

/** The first ```ts block after "## Experiments" in the README. */
async function readmeExample(): Promise<string> {
  const readme = await readFile(new URL('README.md', PACKAGE), 'utf8');
  const section = readme.slice(readme.indexOf('## Experiments'));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (!match?.[1]) throw new Error('the README has no example under ## Experiments');
  return match[1];
}

describe('runExperiment', () => {
  it("runs the README's example: the notebook suite for one epoch, each run in a child process", async () => {
    // Inside the package, so that `@fmnist/train` resolves to this package's build (dist/).
    const script = new URL(`readme-example-${process.pid}.mjs`, PACKAGE);
    await writeFile(script, await readmeExample());
    const output = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
      (resolve) => {
        const child = spawn(process.execPath, [script.pathname], {
          cwd,
          env: { ...process.env, FMNIST_DATA_DIR: dataDir },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (text) => {
          stdout += text;
        });
        child.stderr.on('data', (text) => {
          stderr += text;
        });
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      },
    ).finally(() => rm(script, { force: true }));
    expect(output.stderr).toBe('');
    expect(output.code).toBe(0);
    const [first, ...rows] = output.stdout.trim().split('\n');
    expect(first).toMatch(/^completed \/.*\/experiments\/notebook-\d{8}-\d{6}$/);
    expect(rows.map((row) => row.split(' ')[0])).toEqual([
      'mlp-adam',
      'mlp-rmsprop',
      'mlp-sgd',
      'mlp-deep-sgd',
      'mlp-dropout-rmsprop',
    ]);
    const dir = (first as string).split(' ')[1] as string;
    const record = parseExperimentRecord(await readFile(join(dir, 'experiment.json'), 'utf8'));
    expect(record.status).toBe('completed');
    expect(record.config).toMatchObject({ epochs: 1, batchSize: 200, validation: 'test', dataDir });
    expect(record.runs).toHaveLength(5);
    for (const run of record.runs) {
      const runRecord = parseRunRecord(
        JSON.parse(await readFile(join(dir, run.path, 'run.json'), 'utf8')),
      );
      expect(runRecord).toMatchObject({ status: 'completed', preset: run.preset });
      expect(runRecord.history).toHaveLength(1);
    }
  }, 240_000);
});
