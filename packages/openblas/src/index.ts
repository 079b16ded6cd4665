import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** A matrix product's operands: `c` (m×n) = op(`a`) (m×k) · op(`b`) (k×n), row-major. */
export type Product = [
  transposeA: boolean,
  transposeB: boolean,
  m: number,
  n: number,
  k: number,
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
];

/** OpenBLAS through the addon: every function works on Float32Arrays in place. */
export interface OpenBlas {
  /**
   * `c = op(a) · op(b) + beta · c` in row-major order, where `op(a)` is `a` (m×k) or, with
   * `transposeA`, the transpose of `a` stored k×m; likewise `op(b)` is k×n. With `beta` 0 (the
   * default) `c` (m×n) is overwritten; 1 adds to it. Any Float32Array will do, including views of a
   * WebAssembly memory; the arrays may be longer than needed but not shorter (a `RangeError`).
   */
  sgemm(...product: [...Product, beta?: number]): void;
  /**
   * {@link OpenBlas.sgemm} (beta 0) with op(a)'s rows split over `threads` threads (1 to 64), each
   * part a single-threaded OpenBLAS product — as the fused step splits its own, so that a
   * product can be timed there. The threads are a pool kept for the next call with as many.
   */
  sgemmSplit(threads: number, ...product: Product): void;
  /** The threads OpenBLAS computes each product on (process-wide). */
  setThreads(threads: number): void;
  /** OpenBLAS's build configuration, e.g. `OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Zen MAX_THREADS=64`. */
  config(): string;
  /**
   * A network for the fused training step (see the README's *The fused step*): `desc` has 12 ints
   * per layer (kind, in h/w/c, out h/w/c, activation, kernel h/w, pad top/left), `rates` one
   * dropout rate per layer, `optimizer` one of {@link NETWORK_OPTIMIZERS}, `hyper` [beta1,
   * beta2, epsilon, rho, momentum]. A `RangeError` says what is wrong with a description.
   *
   * `threads` (default 1, at most 64): the threads its steps run on — the caller's and
   * `threads − 1` of the network's own, which sleep when idle. Each thread runs single-threaded
   * OpenBLAS products on its part (its rows of the batch; its rows or columns of each weight
   * gradient; its part of the update), OpenBLAS being held to one thread during those steps. The
   * results do not depend on `threads`: each output's sum is split by no thread.
   */
  createNetwork(
    desc: Int32Array,
    rates: Float64Array,
    optimizer: number,
    hyper: Float64Array,
    threads?: number,
  ): NetworkHandle;
  /** How many floats the network's parameters take (kernels and biases, layer after layer). */
  networkParamCount(network: NetworkHandle): number;
  /** The threads the network's steps run on (its `createNetwork` `threads`). */
  networkThreads(network: NetworkHandle): number;
  /**
   * One fused step on examples `order[from … from + size)` (or `from …` in order when `order` is
   * null) of `images` (uint8, scaled by 1/255 here): forward with dropout masks drawn from
   * `dropoutStates` (alea's s0, s1, s2, c per dropout layer), softmax + cross-entropy, backward
   * and the optimizer's update of `params` and `slots` in place (Adam: `powers` = [β₁ᵗ, β₂ᵗ],
   * advanced in place). `result` gets [mean loss, correct count].
   */
  trainBatch(
    network: NetworkHandle,
    params: Float32Array,
    slots: Float32Array | null,
    powers: Float64Array | null,
    images: Uint8Array,
    labels: Uint8Array,
    order: Uint32Array | null,
    from: number,
    size: number,
    learningRate: number,
    dropoutStates: Float64Array,
    result: Float64Array,
  ): void;
  /** {@link OpenBlas.trainBatch} without the update: the gradients go to `gradients`; returns the mean loss. */
  networkGradients(
    network: NetworkHandle,
    params: Float32Array,
    slots: null,
    powers: null,
    images: Uint8Array,
    labels: Uint8Array,
    order: Uint32Array | null,
    from: number,
    size: number,
    learningRate: number,
    dropoutStates: Float64Array,
    gradients: Float32Array,
  ): number;
  /**
   * Inference over examples `start … start + count` in chunks of `chunk`: `result` gets [sum of
   * the losses, correct count]; `probabilities` (count × classes), when given, every softmax row.
   */
  evaluateNetwork(
    network: NetworkHandle,
    params: Float32Array,
    images: Uint8Array,
    labels: Uint8Array,
    start: number,
    count: number,
    chunk: number,
    probabilities: Float32Array | null,
    result: Float64Array,
  ): void;
}

/** A native network made by {@link OpenBlas.createNetwork}; freed when garbage-collected. */
export interface NetworkHandle {
  readonly __brand: 'NetworkHandle';
}

/** Layer kinds of a network description (the C side's numbers). */
export const NETWORK_LAYERS = { dense: 1, conv2d: 2, maxPooling2d: 3, dropout: 4 } as const;

/** Activations of a network description. */
export const NETWORK_ACTIVATIONS = { linear: 0, relu: 1, softmax: 2 } as const;

/** Optimizers of a network: Keras' (TF 2.0) update rules. */
export const NETWORK_OPTIMIZERS = {
  sgd: 0,
  momentum: 1,
  nesterov: 2,
  adam: 3,
  rmsprop: 4,
  rmspropMomentum: 5,
  none: 6,
} as const;

/** Ints per layer in a network description. */
export const NETWORK_DESC_INTS = 12;

/** {@link loadOpenBlas}'s answer: the library, or why it cannot load and how to get it. */
export type OpenBlasStatus = { ok: true; blas: OpenBlas } | { ok: false; reason: string };

const ADDON = new URL('../build/Release/openblas.node', import.meta.url);

/** What to install and the command that builds the addon at `file` (its package's build.mjs). */
function howToBuild(file: URL): string {
  const script = fileURLToPath(new URL('../../build.mjs', file));
  return (
    'install a C compiler, make, Python 3 and OpenBLAS (Debian/Ubuntu: apt-get install g++ make ' +
    `python3 libopenblas-dev), then run: node ${JSON.stringify(script)}`
  );
}

let status: OpenBlasStatus | undefined;

/** Load the addon once; never throws. */
export function loadOpenBlas(): OpenBlasStatus {
  status ??= openAddon(ADDON);
  return status;
}

/** The addon at `file`, or why it does not load. (Exported for tests; use {@link loadOpenBlas}.) */
export function openAddon(file: URL): OpenBlasStatus {
  if (!existsSync(file)) {
    return {
      ok: false,
      reason: `the OpenBLAS addon is not built; to build it, ${howToBuild(file)}`,
    };
  }
  try {
    return { ok: true, blas: createRequire(import.meta.url)(file.pathname) as OpenBlas };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      reason: `the OpenBLAS addon does not load (${message}); to rebuild it, ${howToBuild(file)}`,
    };
  }
}
