// Use a trained run's model from TypeScript: classify test images (or your own 28×28 bytes).
// Run: npx tsx predict-with-run.ts <run dir>   (a directory `fmnist train` or train-model.ts wrote)
//
// loadTrainedModel selects the backend first (as the CLI does: without it tfjs computes on its slow
// pure-JS backend and prints its "looks like you are running TensorFlow.js in Node.js" banner),
// then loads run.json and the model.
import { loadFashionMnist } from '@fmnist/dataset';
import { loadTrainedModel } from '@fmnist/train';

const runDir = process.argv[2];
if (runDir === undefined) {
  console.error('usage: npx tsx predict-with-run.ts <run dir>');
  process.exit(2);
}
const trained = await loadTrainedModel(runDir);
console.log(`${trained.record.name}, epoch ${trained.epoch}, on ${trained.backend.name}`);

const { test } = await loadFashionMnist();
const count = 5;
const results = trained.classify(test.images.subarray(0, count * 28 * 28));
results.forEach((result, i) => {
  const truth = trained.classNames[test.labels[i] ?? 0];
  console.log(`test[${i}]: ${result.className} (${result.probability.toFixed(3)}); it is ${truth}`);
});
