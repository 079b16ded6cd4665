// The five notebook presets on the real data, N epochs each (default 20), batch 200: test accuracy
// and seconds per epoch, validating on the test set (the notebook's way) and on a 10% holdout; then
// model 1 through tfjs's own model.fit on the same backend, so the loop's cost is visible.
// Usage: node bench/notebook-presets.mjs [epochs] [backend]   (after `pnpm build`)
import { loadFashionMnist } from '@fmnist/dataset';
import { buildModel, getPreset } from '@fmnist/models';
import * as tf from '@tensorflow/tfjs';
import {
  backendOptionsFromEnv,
  backendThreadsFor,
  getSuite,
  selectBackend,
  train,
} from '../dist/index.js';

const epochs = Number(process.argv[2] ?? 20);
const backend = await selectBackend(process.argv[3] ?? 'auto', {
  ...backendThreadsFor(getPreset('mlp-adam')),
  ...backendOptionsFromEnv(process.env),
});
const data = await loadFashionMnist();
const presets = getSuite('notebook').presets;
console.log(`backend ${backend.name}; ${epochs} epochs, batch 200, seed 0`);
console.log('| preset | validation | test loss | test accuracy | s/epoch (median) |');
console.log('|---|---|---|---|---|');
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
for (const validation of ['test', { holdout: 0.1 }]) {
  for (const preset of presets) {
    const result = await train({
      spec: getPreset(preset),
      preset,
      data,
      epochs,
      batchSize: 200,
      validation,
      backend,
    });
    const test = result.record.metrics.test;
    const label = validation === 'test' ? 'test' : 'holdout 0.1';
    console.log(
      `| ${preset} | ${label} | ${test.loss.toFixed(4)} | ${test.accuracy.toFixed(4)} | ${median(result.history.map((h) => h.seconds)).toFixed(2)} |`,
    );
    result.model.dispose();
  }
}
const toTensors = (split) =>
  tf.tidy(() => [
    tf.tensor2d(
      Float32Array.from(split.images, (v) => v / 255),
      [split.count, 784],
    ),
    tf.oneHot(tf.tensor1d(split.labels, 'int32'), 10),
  ]);
const [xTrain, yTrain] = toTensors(data.train);
const [xTest, yTest] = toTensors(data.test);
const model = buildModel(getPreset('mlp-adam'), { seed: 0 });
const seconds = [];
let last = performance.now();
await model.fit(xTrain, yTrain, {
  epochs,
  batchSize: 200,
  validationData: [xTest, yTest],
  verbose: 0,
  callbacks: {
    onEpochEnd: () => {
      const now = performance.now();
      seconds.push((now - last) / 1000);
      last = now;
    },
  },
});
const [loss, acc] = model.evaluate(xTest, yTest, { batchSize: 1000 }).map((t) => t.dataSync()[0]);
console.log(
  `| mlp-adam via tfjs model.fit | test | ${loss.toFixed(4)} | ${acc.toFixed(4)} | ${median(seconds).toFixed(2)} |`,
);
