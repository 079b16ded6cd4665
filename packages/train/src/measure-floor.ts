import { parseSpec } from '@fmnist/models';
import type { OpenBlas } from '@fmnist/openblas';
import { type NativeNetworkPlan, planNativeNetwork } from './plan-native-network.js';
import { loadNativeStep } from './select-backend.js';

/** One matrix product of a training step: `m×k · k×n`, operands transposed as the step has them. */
export interface StepProduct {
  label: string;
  transposeA: boolean;
  transposeB: boolean;
  m: number;
  n: number;
  k: number;
}

const DESC_INTS = 12;

/**
 * The matrix products of one training step of a planned network at `batch` images: per dense or
 * conv layer the forward product, the weight gradient and (except for the first) the input gradient.
 */
export function listProducts(plan: NativeNetworkPlan, batch: number): StepProduct[] {
  const products: StepProduct[] = [];
  let first = true;
  for (let i = 0; i < plan.desc.length / DESC_INTS; i++) {
    const d = Array.from(plan.desc.subarray(i * DESC_INTS, (i + 1) * DESC_INTS));
    const [kind = 0, ih = 1, iw = 1, ic = 1, oh = 1, ow = 1, oc = 1, , kh = 0, kw = 0] = d;
    if (kind !== 1 && kind !== 2) continue;
    const rows = kind === 1 ? batch : batch * oh * ow;
    const k = kind === 1 ? ih * iw * ic : kh * kw * ic;
    const out = kind === 1 ? oh * ow * oc : oc;
    const name = `${kind === 1 ? 'dense' : 'conv'} ${i + 1}`;
    products.push({
      label: `${name} forward ${rows}×${k}·${k}×${out}`,
      transposeA: false,
      transposeB: false,
      m: rows,
      n: out,
      k,
    });
    products.push({
      label: `${name} weight gradient`,
      transposeA: true,
      transposeB: false,
      m: k,
      n: out,
      k: rows,
    });
    if (!first)
      products.push({
        label: `${name} input gradient`,
        transposeA: false,
        transposeB: true,
        m: rows,
        n: k,
        k: out,
      });
    first = false;
  }
  return products;
}

/**
 * Time each product alone (median of `repeats` after a warm-up) at each thread count, keep its
 * best, and sum them: the floor a step cannot go below on these products.
 */
export function timeProducts(
  blas: OpenBlas,
  products: StepProduct[],
  threadCounts: number[],
  repeats = 15,
): { products: (StepProduct & { best: number; threads: number })[]; floorMs: number } {
  const timed = products.map((p) => {
    const a = new Float32Array(p.m * p.k).fill(0.5);
    const b = new Float32Array(p.k * p.n).fill(0.25);
    const c = new Float32Array(p.m * p.n);
    let best = Number.POSITIVE_INFINITY;
    let bestThreads = 1;
    for (const threads of threadCounts) {
      blas.setThreads(threads);
      const times: number[] = [];
      for (let r = 0; r < repeats + 2; r++) {
        const t = performance.now();
        blas.sgemm(p.transposeA, p.transposeB, p.m, p.n, p.k, a, b, c);
        if (r >= 2) times.push(performance.now() - t);
      }
      times.sort((x, y) => x - y);
      const median = times[times.length >> 1] as number;
      if (median < best) {
        best = median;
        bestThreads = threads;
      }
    }
    return { ...p, best, threads: bestThreads };
  });
  return { products: timed, floorMs: timed.reduce((sum, p) => sum + p.best, 0) };
}

/** The floor of a spec's step, from {@link measureFloor}. */
export interface StepFloor {
  /** Each product with its best time (ms) and the thread count that gave it. */
  products: (StepProduct & { best: number; threads: number })[];
  /** The sum of the products' best times, per step. */
  msPerStep: number;
  /** `msPerStep` times the steps of an epoch over `count` images. */
  secondsPerEpoch: number;
}

/**
 * The arithmetic floor of a spec's training step on OpenBLAS: each of its matrix products timed
 * alone at its best thread count (of `threadCounts`), summed; or why it cannot be measured.
 */
export async function measureFloor(options: {
  spec: unknown;
  batchSize?: number;
  count: number;
  threadCounts?: number[];
}): Promise<{ ok: true; floor: StepFloor } | { ok: false; reason: string }> {
  const status = await loadNativeStep();
  if (!status.ok) return { ok: false, reason: status.reason };
  const planned = planNativeNetwork(parseSpec(options.spec));
  if (!planned.ok) return { ok: false, reason: planned.reason };
  const batchSize = options.batchSize ?? 200;
  const timed = timeProducts(
    status.blas,
    listProducts(planned.plan, batchSize),
    options.threadCounts ?? [1, 2],
  );
  return {
    ok: true,
    floor: {
      products: timed.products,
      msPerStep: timed.floorMs,
      secondsPerEpoch: (timed.floorMs * Math.ceil(options.count / batchSize)) / 1000,
    },
  };
}
