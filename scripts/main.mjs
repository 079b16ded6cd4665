// The main job until the CLI lands: load Fashion-MNIST and print its summary.
import { CLASS_NAMES, loadFashionMnist } from '../packages/dataset/dist/index.js';

const started = performance.now();
const data = await loadFashionMnist();
const seconds = ((performance.now() - started) / 1000).toFixed(2);
console.log(
  `Fashion-MNIST from ${data.source.location} (${data.source.kind}), verified: ${data.verified}, loaded in ${seconds}s`,
);
for (const [name, split] of Object.entries({ train: data.train, test: data.test })) {
  const counts = new Array(CLASS_NAMES.length).fill(0);
  for (const label of split.labels) counts[label] += 1;
  console.log(`\n${name}: ${split.count} images of ${split.shape.join('x')}`);
  for (const [i, cls] of CLASS_NAMES.entries()) {
    console.log(`  ${String(i).padStart(2)} ${cls.padEnd(12)} ${counts[i]}`);
  }
}
