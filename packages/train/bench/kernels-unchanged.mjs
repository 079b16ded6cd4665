// Do our wasm kernels change results? The notebook's model 1, seeded, N epochs (default 20) on
// the real data with the stock wasm kernels and with ours, each in its own process: test
// accuracy (must agree to 0.3 points) and seconds per epoch. Usage: node bench/kernels-unchanged.mjs [epochs]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const epochs = Number(process.argv[2] ?? 20);
if (process.argv[3] === '--child') {
  const { loadFashionMnist } = await import('@fmnist/dataset');
  const { getPreset } = await import('@fmnist/models');
  const { selectBackend, train } = await import('../dist/index.js');
  const backend = await selectBackend('wasm');
  const data = await loadFashionMnist();
  const result = await train({
    spec: getPreset('mlp-adam'),
    data,
    epochs,
    batchSize: 200,
    seed: 0,
    validation: 'none',
    backend,
  });
  const seconds = result.history.map((h) => h.seconds).sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      accuracy: result.record.metrics.test.accuracy,
      secondsPerEpoch: seconds[seconds.length >> 1],
    }),
  );
  process.exit(0);
}
const script = fileURLToPath(import.meta.url);
const results = {};
for (const kernels of ['stock', 'ours']) {
  const env = { ...process.env, FMNIST_WASM_KERNELS: kernels === 'stock' ? 'stock' : '' };
  const child = spawnSync(process.execPath, [script, String(epochs), '--child'], {
    env,
    encoding: 'utf8',
  });
  results[kernels] = JSON.parse(child.stdout.trim().split('\n').at(-1));
  console.log(
    `${kernels} kernels: test accuracy ${results[kernels].accuracy.toFixed(4)}, ${results[kernels].secondsPerEpoch.toFixed(2)} s/epoch (median)`,
  );
}
const points = Math.abs(results.stock.accuracy - results.ours.accuracy) * 100;
console.log(
  `difference ${points.toFixed(2)} points (limit 0.3); speed-up ${(results.stock.secondsPerEpoch / results.ours.secondsPerEpoch).toFixed(2)}×`,
);
process.exitCode = points <= 0.3 ? 0 : 1;
