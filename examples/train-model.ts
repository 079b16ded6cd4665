// Train one of the notebook's models from TypeScript, into a run directory that `fmnist report`,
// `fmnist view` and predict-with-run.ts read.
// Run: npx tsx train-model.ts [epochs]        (default 3; the notebook trained 100)
import { relative } from 'node:path';
import { loadFashionMnist } from '@fmnist/dataset';
import { getPreset } from '@fmnist/models';
import { createRun } from '@fmnist/runs';
import { selectBackend, train, wasmThreadsFor } from '@fmnist/train';

const epochs = Number(process.argv[2] ?? 3);
const spec = getPreset('mlp-adam'); // the notebook's model 1: 784 → 128 → 64 → 64 → 32 → 10, adam

// Choose the backend before any tensor exists: the fastest that loads (tfjs-node, else
// WebAssembly with OpenBLAS or XNNPACK), with the threads that suit this network.
const backend = await selectBackend('auto', { wasmThreads: wasmThreadsFor(spec) });
console.log(`backend: ${backend.name} (${backend.matmul}, ${backend.threads} thread(s))`);

const data = await loadFashionMnist();
// runs/mlp-adam-<UTC time>/, locked while this process writes it.
const run = await createRun('runs', 'mlp-adam');
const result = await train({
  spec,
  preset: 'mlp-adam',
  data: { train: data.train, test: data.test, source: data.source, verified: data.verified },
  epochs,
  batchSize: 200, // as the notebook
  validation: { holdout: 0.1 }, // 10 % of the training set; 'test' is the notebook's way
  seed: 0,
  run,
  backend,
  onEvent: (event) => {
    if (event.type === 'epoch') {
      console.log(
        `epoch ${event.epoch}/${event.epochs}: loss ${event.loss.toFixed(4)}, ` +
          `val_accuracy ${event.valAccuracy?.toFixed(4)} (${event.seconds.toFixed(1)} s)`,
      );
    }
  },
});
await run.close();
const test = result.record.metrics?.test;
console.log(`test accuracy ${test?.accuracy.toFixed(4)}; the run is in ${relative('.', run.dir)}`);
