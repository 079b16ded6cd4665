// The optimizer update alone on the wasm backend, for model 1's shapes (784-128-64-64-32-10):
// the fused pass over the wasm heap (`applyOptimizerWasm`) against the optimizers' tensor form
// (`applyGradients`, nine to fourteen tfjs kernels per variable), alternating, median ms/step.
// Usage (from packages/train): ../../examples/node_modules/.bin/tsx bench/optimizer-update-wasm.ts [steps] [rounds]
import { loadavg } from 'node:os';
import { createOptimizer, type OptimizerSpecInput } from '@fmnist/models';
import * as tf from '@tensorflow/tfjs';
import { applyOptimizerWasm } from '../src/kernels/apply-optimizer-wasm.js';
import { selectBackend } from '../src/select-backend.js';

const steps = Number(process.argv[2] ?? 100);
const rounds = Number(process.argv[3] ?? 5);
await selectBackend('wasm');
const units = [784, 128, 64, 64, 32, 10];
const shapes = units.slice(1).flatMap((n, i) => [[units[i] as number, n], [n]]);
const variables = shapes.map((shape, i) =>
  tf.tidy(() => tf.variable(tf.randomNormal(shape, 0, 0.05), true, `bench_${i}`)),
);
const grads: tf.NamedTensorMap = Object.fromEntries(
  variables.map((v) => [v.name, tf.randomNormal(v.shape, 0, 1e-3)]),
);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

function time(spec: OptimizerSpecInput, fused: boolean): number {
  const optimizer = createOptimizer(spec);
  const run = () => {
    if (!fused || !applyOptimizerWasm(optimizer, grads, { fuseAll: true }))
      optimizer.applyGradients(grads);
  };
  for (let i = 0; i < 10; i++) run();
  const start = performance.now();
  for (let i = 0; i < steps; i++) run();
  const ms = (performance.now() - start) / steps;
  optimizer.dispose();
  return ms;
}

console.log(
  `load average at start: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log('| optimizer | tensor form ms/step | fused ms/step | ratio |');
console.log('|---|---|---|---|');
for (const spec of [
  { name: 'adam' },
  { name: 'rmsprop' },
  { name: 'rmsprop', momentum: 0.9 },
  { name: 'sgd' },
  { name: 'sgd', momentum: 0.9 },
] as OptimizerSpecInput[]) {
  const tensor: number[] = [];
  const fused: number[] = [];
  for (let r = 0; r < rounds; r++) {
    tensor.push(time(spec, false));
    fused.push(time(spec, true));
  }
  const [t, f] = [median(tensor), median(fused)];
  console.log(
    `| ${JSON.stringify(spec)} | ${t.toFixed(3)} | ${f.toFixed(3)} | ${(t / f).toFixed(1)}× |`,
  );
}
console.log(
  `load average at end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
