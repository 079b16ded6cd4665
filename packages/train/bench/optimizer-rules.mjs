// A short results check of the optimizers' update rules: a few epochs of some notebook presets
// (default 5 epochs of mlp-rmsprop and mlp-adam), batch 200, seed 0, validating on the test set as
// the notebook does; prints the test loss and accuracy after each epoch. Run it on two builds (before
// and after a change of the rules) and compare: the notebook's 100-epoch figures are model 1
// 0.7687 / 0.8884, model 2 1.0122 / 0.8924 (test loss / accuracy).
// Usage: node bench/optimizer-rules.mjs [epochs] [presets, comma-separated] [backend]   (after `pnpm build`)
import { loadavg } from 'node:os';
import { loadFashionMnist } from '@fmnist/dataset';
import { createOptimizer, getPreset } from '@fmnist/models';
import { selectBackend, train } from '../dist/index.js';

const epochs = Number(process.argv[2] ?? 5);
const presets = (process.argv[3] ?? 'mlp-rmsprop,mlp-adam').split(',');
const backend = await selectBackend(process.argv[4] ?? 'auto');
const data = await loadFashionMnist();
const probe = createOptimizer({ name: 'adam' });
const rules = probe.getClassName() === 'KerasAdam' ? "Keras' (ours)" : "tfjs' own";
probe.dispose();
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(
  `optimizer rules: ${rules}; backend ${backend.name}; ${epochs} epochs, batch 200, seed 0`,
);
console.log(`load average at start: ${load()}`);
console.log('| preset | epoch | train loss | test loss | test accuracy | s/epoch |');
console.log('|---|---|---|---|---|---|');
for (const preset of presets) {
  const result = await train({
    spec: getPreset(preset),
    preset,
    data,
    epochs,
    batchSize: 200,
    validation: 'test',
    seed: 0,
    backend,
  });
  for (const h of result.history) {
    console.log(
      `| ${preset} | ${h.epoch} | ${h.loss.toFixed(4)} | ${h.valLoss?.toFixed(4)} | ${h.valAccuracy?.toFixed(4)} | ${h.seconds.toFixed(2)} |`,
    );
  }
  result.model.dispose();
}
console.log(`load average at end: ${load()}`);
