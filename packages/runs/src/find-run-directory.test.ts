import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExperimentConfig, planRuns } from './experiment-config.js';
import { findRunDirectory } from './find-run-directory.js';

describe('findRunDirectory', () => {
  it('finds the newest directory of that name with a run.json', async () => {
    const runs = await mkdtemp(join(tmpdir(), 'fmnist-cli-find-'));
    for (const [name, record] of [
      ['mlp-adam-seed0-20260101-120000', true],
      ['mlp-adam-seed0-20260101-120500', true],
      ['mlp-adam-seed0-20260101-120500-2', true],
      ['mlp-adam-seed0-20260101-130000', false],
      ['mlp-adam-seed01-20260101-140000', true],
    ] as const) {
      await mkdir(join(runs, name));
      if (record) await writeFile(join(runs, name, 'run.json'), '{}');
    }
    expect(await findRunDirectory(runs, 'mlp-adam-seed0')).toBe(
      join(runs, 'mlp-adam-seed0-20260101-120500-2'),
    );
    expect(await findRunDirectory(runs, 'mlp-sgd-seed0')).toBeUndefined();
    expect(await findRunDirectory(join(runs, 'missing'), 'mlp-adam-seed0')).toBeUndefined();
  });
});

describe('experiment config', () => {
  it('plans every preset of a seed before the next seed', () => {
    expect(planRuns({ presets: ['a', 'b'], seeds: [3, 4] }).map((run) => run.name)).toEqual([
      'a-seed3',
      'b-seed3',
      'a-seed4',
      'b-seed4',
    ]);
  });

  it('says what a config that fmnist did not write lacks', () => {
    expect(() => parseExperimentConfig({ presets: ['a'] }, 'x/experiment.json')).toThrow(
      /x\/experiment.json: expected a config with presets, seeds, epochs.*found config\.seeds is missing/,
    );
    expect(() => parseExperimentConfig(undefined, 'x/experiment.json')).toThrow(/, found none\./);
  });
});
