import type { ExperimentEvent } from '@fmnist/train';
import { describe, expect, it } from 'vitest';
import { createExperimentProgress } from './experiment-progress.js';

const config = {
  presets: ['mlp-adam', 'mlp-sgd'],
  seeds: [0],
  epochs: 2,
  batchSize: 200,
  validation: 'test' as const,
  backend: 'auto',
  dataDir: '/data',
};
const runs = config.presets.map((preset) => ({ preset, seed: 0, name: `${preset}-seed0` }));
const passedOver = [{ name: 'node', reason: 'tfjs-node: installed but not loadable' }];
const epoch = (epochNumber: number) => ({
  type: 'epoch' as const,
  epochs: 2,
  epoch: epochNumber,
  loss: 0.5,
  accuracy: 0.8,
  seconds: 1,
  learningRate: 0.001,
});

/** What an experiment of two 2-epoch runs prints on stderr. */
function printed(): string {
  let text = '';
  const stream = {
    write: (chunk: string) => {
      text += chunk;
      return true;
    },
    isTTY: false,
  } as unknown as NodeJS.WriteStream;
  const progress = createExperimentProgress({ stream, color: false });
  const events: ExperimentEvent[] = [
    {
      type: 'planned',
      dir: '/tmp/experiments/notebook-20250101-120000',
      suite: 'notebook',
      config,
      runs: 2,
      parallel: 2,
      resumed: false,
      toResume: 0,
      toStart: 2,
      data: { location: '/data', verified: true },
    },
    ...runs.flatMap((run): ExperimentEvent[] => [
      { type: 'run-started', run, runDir: `/tmp/runs/${run.name}`, action: 'start' },
      {
        type: 'run-event',
        run,
        event: { type: 'backend', name: 'wasm', reason: 'WebAssembly', passedOver },
      },
    ]),
    ...runs.flatMap((run): ExperimentEvent[] => [
      { type: 'run-event', run, event: epoch(1) },
      { type: 'run-event', run, event: epoch(2) },
    ]),
    ...runs.map(
      (run, i): ExperimentEvent => ({
        type: 'run-finished',
        run,
        status: 'completed',
        finished: i + 1,
        runs: 2,
        testAccuracy: 0.85,
      }),
    ),
  ];
  for (const event of events) progress.onEvent(event);
  return text;
}

describe('createExperimentProgress', () => {
  it('says why a backend was passed over once for the whole experiment, as a note', () => {
    const text = printed();
    expect(text.match(/passed over node/g)).toHaveLength(1);
    expect(text).toContain(
      'note: passed over node: tfjs-node: installed but not loadable (said once, for every run)',
    );
    expect(text.match(/Backend: wasm/g)).toHaveLength(2);
  });

  it('prints the overall progress: runs and epochs done, elapsed, time left', () => {
    const lines = printed()
      .split('\n')
      .filter((line) => line.startsWith('Progress: '));
    expect(lines[0]).toMatch(/^Progress: 0\/2 runs, 1\/4 epochs — \d+s elapsed, /);
    const evaluating = /^Progress: 1\/2 runs, 4\/4 epochs — .*the last runs are being evaluated$/;
    expect(lines.some((line) => evaluating.test(line))).toBe(true);
    expect(lines.at(-1)).toMatch(/^Progress: 2\/2 runs, 4\/4 epochs — \d+s elapsed, done$/);
  });
});
