import { parseSpec } from '@fmnist/models';
import type { OpenBlas } from '@fmnist/openblas';
import {
  LAYER,
  type NativeNetworkPlan,
  planLayers,
  planNativeNetwork,
} from './plan-native-network.js';
import { loadNativeStep, nativeThreadsFor } from './select-backend.js';

/** One matrix product of a training step: `m×k · k×n`, operands transposed as the step has them. */
export interface StepProduct {
  label: string;
  transposeA: boolean;
  transposeB: boolean;
  m: number;
  n: number;
  k: number;
}

/**
 * The matrix products of one training step of a planned network at `batch` images: per dense or
 * conv layer the forward product, the weight gradient and (except for the first) the input gradient.
 */
export function listProducts(plan: NativeNetworkPlan, batch: number): StepProduct[] {
  const products: StepProduct[] = [];
  let first = true;
  for (const [i, { kind, ih, iw, ic, oh, ow, oc, kh, kw }] of planLayers(plan).entries()) {
    const dense = kind === LAYER.dense;
    if (!dense && kind !== LAYER.conv2d) continue;
    const rows = dense ? batch : batch * oh * ow;
    const k = dense ? ih * iw * ic : kh * kw * ic;
    const out = dense ? oh * ow * oc : oc;
    const name = `${dense ? 'dense' : 'conv'} ${i + 1}`;
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

/** How a product was run at its best: OpenBLAS' own threads, or its rows split over ours (the fused step's way). */
export type ProductSplit = 'openblas' | 'rows';

/**
 * Time each product alone (median of `repeats` after a warm-up) at each thread count — on
 * OpenBLAS' own threads, and, above one, with its rows split over threads of ours as the fused
 * step runs it — keep its best, and sum them: the floor a step cannot go below on these products.
 */
export function timeProducts(
  blas: OpenBlas,
  products: StepProduct[],
  threadCounts: number[],
  repeats = 15,
): {
  products: (StepProduct & { best: number; threads: number; split: ProductSplit })[];
  floorMs: number;
} {
  const timed = products.map((p) => {
    const a = new Float32Array(p.m * p.k).fill(0.5);
    const b = new Float32Array(p.k * p.n).fill(0.25);
    const c = new Float32Array(p.m * p.n);
    let best = Number.POSITIVE_INFINITY;
    let bestThreads = 1;
    let bestSplit: ProductSplit = 'openblas';
    const time = (run: () => void) => {
      const times: number[] = [];
      for (let r = 0; r < repeats + 2; r++) {
        const t = performance.now();
        run();
        if (r >= 2) times.push(performance.now() - t);
      }
      times.sort((x, y) => x - y);
      return times[times.length >> 1] as number;
    };
    for (const threads of threadCounts) {
      const ways: [ProductSplit, () => void][] = [
        ['openblas', () => blas.sgemm(p.transposeA, p.transposeB, p.m, p.n, p.k, a, b, c)],
      ];
      if (threads > 1) {
        ways.push([
          'rows',
          () => blas.sgemmSplit(threads, p.transposeA, p.transposeB, p.m, p.n, p.k, a, b, c),
        ]);
      }
      for (const [split, run] of ways) {
        blas.setThreads(split === 'openblas' ? threads : 1);
        const median = time(run);
        if (median < best) {
          best = median;
          bestThreads = threads;
          bestSplit = split;
        }
      }
    }
    return { ...p, best, threads: bestThreads, split: bestSplit };
  });
  blas.setThreads(1);
  return { products: timed, floorMs: timed.reduce((sum, p) => sum + p.best, 0) };
}

/** The floor of a spec's step, from {@link measureFloor}. */
export interface StepFloor {
  /** Each product with its best time (ms), the thread count that gave it, and how it was split. */
  products: (StepProduct & { best: number; threads: number; split: ProductSplit })[];
  /** The sum of the products' best times, per step. */
  msPerStep: number;
  /** `msPerStep` times the steps of an epoch over `count` images. */
  secondsPerEpoch: number;
}

/**
 * The arithmetic floor of a spec's training step on OpenBLAS: each of its matrix products timed
 * alone at its best thread count (of `threadCounts`, default 1 and every core up to 8) on OpenBLAS'
 * threads or split over ours, summed; or why it cannot be measured.
 */
export async function measureFloor(options: {
  spec: unknown;
  batchSize?: number;
  count: number;
  threadCounts?: number[];
}): Promise<{ ok: true; floor: StepFloor } | { ok: false; reason: string }> {
  const status = await loadNativeStep();
  if (!status.ok) return { ok: false, reason: status.reason };
  const spec = parseSpec(options.spec);
  const planned = planNativeNetwork(spec);
  if (!planned.ok) return { ok: false, reason: planned.reason };
  const batchSize = options.batchSize ?? 200;
  const timed = timeProducts(
    status.blas,
    listProducts(planned.plan, batchSize),
    options.threadCounts ?? [...new Set([1, nativeThreadsFor(spec)])],
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
