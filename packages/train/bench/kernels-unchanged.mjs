// Do our wasm kernels change results? The notebook's model 1, N epochs (default 20) on the real
// data with the stock wasm kernels and with ours, for seeds 0 to S-1 (default 1), each run in its
// own process: mean test accuracy (must agree to 0.3 points) and seconds per epoch. Any change in
// the order of float sums (OpenBLAS, XNNPACK) sends a 20-epoch run down another path, so a single
// seed can differ by more than the kernels do; the mean over seeds tells them apart.
// Usage: node bench/kernels-unchanged.mjs [epochs] [seeds]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const epochs = Number(process.argv[2] ?? 20);
if (process.argv[4] === '--child') {
  const { loadFashionMnist } = await import('@fmnist/dataset');
  const { getPreset } = await import('@fmnist/models');
  const { backendOptionsFromEnv, selectBackend, train } = await import('../dist/index.js');
  const backend = await selectBackend('wasm', backendOptionsFromEnv(process.env));
  const data = await loadFashionMnist();
  const result = await train({
    spec: getPreset('mlp-adam'),
    data,
    epochs,
    batchSize: 200,
    seed: Number(process.argv[3]),
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
const seeds = Number(process.argv[3] ?? 1);
const script = fileURLToPath(import.meta.url);
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const results = {};
for (const kernels of ['stock', 'ours']) {
  const env = { ...process.env, FMNIST_WASM_KERNELS: kernels === 'stock' ? 'stock' : '' };
  const runs = [];
  for (let seed = 0; seed < seeds; seed++) {
    const child = spawnSync(process.execPath, [script, String(epochs), String(seed), '--child'], {
      env,
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(`${kernels}, seed ${seed}: ${child.stderr}`);
    runs.push(JSON.parse(child.stdout.trim().split('\n').at(-1)));
  }
  results[kernels] = {
    accuracy: mean(runs.map((r) => r.accuracy)),
    secondsPerEpoch: mean(runs.map((r) => r.secondsPerEpoch)),
  };
  console.log(
    `${kernels} kernels: test accuracy ${runs.map((r) => r.accuracy.toFixed(4)).join(', ')} (seeds 0–${seeds - 1}; mean ${results[kernels].accuracy.toFixed(4)}), ${results[kernels].secondsPerEpoch.toFixed(2)} s/epoch`,
  );
}
const points = Math.abs(results.stock.accuracy - results.ours.accuracy) * 100;
console.log(
  `difference of the means ${points.toFixed(2)} points (limit 0.3); speed-up ${(results.stock.secondsPerEpoch / results.ours.secondsPerEpoch).toFixed(2)}×`,
);
process.exitCode = points <= 0.3 ? 0 : 1;
