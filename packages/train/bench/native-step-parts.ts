// Times the native fused step of a preset alone (no tfjs, no epoch loop) on 1 and 2 threads of its
// own, and each of its products alone (OpenBLAS' threads or split over ours): where a step's
// milliseconds go.
// Usage: tsx bench/native-step-parts.ts [preset] [batch] [steps]
import { loadFashionMnist } from '@fmnist/dataset';
import { getPreset } from '@fmnist/models';
import { loadOpenBlas } from '@fmnist/openblas';
import { listProducts, timeProducts } from '../src/measure-floor.js';
import { planNativeNetwork } from '../src/plan-native-network.js';

const [preset = 'mlp-adam', batchText = '200', stepsText = '30'] = process.argv.slice(2);
const batch = Number(batchText);
const steps = Number(stepsText);
const status = loadOpenBlas();
if (!status.ok) throw new Error(status.reason);
const { blas } = status;
const planned = planNativeNetwork(getPreset(preset));
if (!planned.ok) throw new Error(planned.reason);
const { plan } = planned;
const data = await loadFashionMnist();
for (const threads of [1, 2]) {
  const network = blas.createNetwork(plan.desc, plan.rates, plan.optimizer, plan.hyper, threads);
  const n = blas.networkParamCount(network);
  const params = new Float32Array(n).map((_, i) => Math.sin(i) * 0.05);
  const slots = new Float32Array(2 * n);
  const powers = Float64Array.of(0.9, 0.999);
  const result = new Float64Array(2);
  const states = new Float64Array(4 * plan.dropoutLayers.length).fill(0.5);
  const times: number[] = [];
  for (let s = 0; s < steps + 3; s++) {
    const t = performance.now();
    blas.trainBatch(
      network,
      params,
      slots,
      powers,
      data.train.images,
      data.train.labels,
      null,
      (s * batch) % 59000,
      batch,
      0.001,
      states,
      result,
    );
    if (s >= 3) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${preset} batch ${batch}, ${threads} thread(s): step median ${times[times.length >> 1]?.toFixed(2)} ms`,
  );
}
const products = listProducts(plan, batch);
const timed = timeProducts(blas, products, [1, 2]);
for (const p of timed.products)
  console.log(`  ${p.label}: ${p.best.toFixed(3)} ms (${p.threads} thr, ${p.split})`);
console.log(`floor: ${timed.floorMs.toFixed(2)} ms/step`);
