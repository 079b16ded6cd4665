// Where a notebook run's seconds go, as `fmnist experiment notebook --jobs 2` runs it (the native
// step on one thread each): for each notebook preset, one train job of `epochs` epochs validating
// on the test set and one validating on nothing, timed from the job's events —
//   start-up: the job's start to its first epoch (backend, data load and check, model, record);
//   steps:    an epoch without validation (assembly, steps, weights back into tfjs);
//   test set: the same epoch with the 10,000 test images evaluated, minus the one without;
//   writes:   from one epoch's end to the next one's start (callbacks, checkpoint, run.json);
//   finish:   the last epoch to the job's end (final metrics, samples, model/).
// Medians over the epochs; one job at a time, so run it on a quiet machine (the suite runs two
// side by side, each a little slower).
// Usage (after `pnpm build`): node packages/train/bench/epoch-costs.mjs [--epochs 10] [--data-dir D]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTimestampedDirectory } from '@fmnist/runs';
import { getSuite, runTrainJob } from '@fmnist/train';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
};
const epochs = Number(option('epochs', '10'));
const dataDir = option('data-dir', '/usr/share/datasets/fashion-mnist');
const presets = getSuite('notebook').presets;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? Number.NaN;
};

async function timeJob(out, preset, validation) {
  const runDir = await createTimestampedDirectory(out, `${preset}-${validation}`);
  const marks = [];
  const entries = [];
  const started = performance.now();
  await runTrainJob(
    {
      action: 'start',
      runDir,
      dataDir,
      backend: 'native',
      nativeThreads: 1,
      preset,
      name: preset,
      seed: 0,
      epochs,
      batchSize: 200,
      validation,
    },
    {
      onEvent: (event) => {
        if (event.type === 'start') marks.push(performance.now());
        if (event.type === 'epoch') {
          marks.push(performance.now());
          entries.push(event.seconds);
        }
      },
    },
  );
  const ended = performance.now();
  // marks: [start, end of epoch 1, …]; an epoch's end (after its writes) minus its start.
  const epochSpans = marks.slice(1).map((mark, i) => (mark - (marks[i] ?? mark)) / 1000);
  return {
    startup: ((marks[0] ?? ended) - started) / 1000,
    epoch: median(entries),
    writes: median(epochSpans.map((span, i) => span - (entries[i] ?? 0))),
    finish: (ended - (marks.at(-1) ?? ended)) / 1000,
  };
}

const out = mkdtempSync(join(tmpdir(), 'fmnist-epoch-costs-'));
console.log(
  `${epochs} epochs per job, native on 1 thread, batch 200; load ${loadavg()[0].toFixed(2)}`,
);
console.log(
  '| preset | start-up s | steps s/epoch | test set s/epoch | writes s/epoch | finish s |',
);
console.log('|---|---:|---:|---:|---:|---:|');
try {
  for (const preset of presets) {
    const none = await timeJob(out, preset, 'none');
    const test = await timeJob(out, preset, 'test');
    const f = (x) => x.toFixed(3);
    console.log(
      `| ${preset} | ${f(test.startup)} | ${f(none.epoch)} | ${f(test.epoch - none.epoch)} | ${f(test.writes)} | ${f(test.finish)} |`,
    );
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
console.log(`load ${loadavg()[0].toFixed(2)} at the end`);
