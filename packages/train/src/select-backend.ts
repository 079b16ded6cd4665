import { availableParallelism } from 'node:os';
import type { OpenBlas, OpenBlasStatus } from '@fmnist/openblas';
import * as tf from '@tensorflow/tfjs';
import { TrainError } from './errors.js';
import { registerWasmKernels } from './kernels/register-wasm-kernels.js';

/** The most threads tfjs-backend-wasm 4.22 starts (its build pre-creates 8 workers). */
export const MAX_WASM_THREADS = 8;

/**
 * Our names for the backends, in the order `auto` tries them: `native` is the fused native step
 * of @fmnist/openblas (one call per batch; tfjs, on the next backend that loads, keeps the model),
 * then the tfjs backends.
 */
export const BACKEND_NAMES = ['native', 'node', 'wasm', 'cpu'] as const;

/** A backend by our name: `node` is @tensorflow/tfjs-node, `wasm` @tensorflow/tfjs-backend-wasm, `native` the fused step. */
export type BackendName = (typeof BACKEND_NAMES)[number];

/** The tfjs backends, which hold the model under every path. */
const TFJS_BACKENDS = ['node', 'wasm', 'cpu'] as const;
type TfjsBackendName = (typeof TFJS_BACKENDS)[number];

/** What {@link selectBackend} chose, why, and why each backend tried before it was passed over. */
export interface BackendChoice {
  name: BackendName;
  reason: string;
  /** Threads the backend computes on. */
  threads: number;
  /** What runs its matrix products: `OpenBLAS` or `XNNPACK` on wasm, `libtensorflow`, `JavaScript`. */
  matmul: string;
  passedOver: { name: BackendName; reason: string }[];
  /**
   * With `native`: the tfjs backend under it (it builds, saves and evaluates the model, and runs
   * the steps of a spec the native step does not run) and why it was chosen.
   */
  tfjs?: { name: TfjsBackendName; reason: string; threads: number; matmul: string };
}

const TFJS_NAME: Record<TfjsBackendName, string> = { node: 'tensorflow', wasm: 'wasm', cpu: 'cpu' };

const HOW_TO_GET: Record<BackendName, string> = {
  node:
    'install @tensorflow/tfjs-node@4.22.0 on a machine with internet and allow its install script ' +
    '(pnpm: list it as true under allowBuilds in pnpm-workspace.yaml; npm: approve it when asked), ' +
    'which downloads libtensorflow',
  wasm: 'install @tensorflow/tfjs-backend-wasm@4.22.0 (a dependency of @fmnist/train: reinstall)',
  cpu: 'reinstall @tensorflow/tfjs@4.22.0',
  native:
    "build @fmnist/openblas's addon as the reason above says (the node command it prints works wherever the package is)",
};

type Attempt =
  | { ok: true; reason: string; threads: number; matmul: string; tfjs?: BackendChoice['tfjs'] }
  | { ok: false; reason: string };

/** Options of {@link selectBackend}. */
export interface SelectBackendOptions {
  /**
   * Threads for the wasm backend when `FMNIST_WASM_THREADS` is not set: see
   * {@link wasmThreadsFor}. Default 1. Only the first start of wasm in a process counts.
   */
  wasmThreads?: number;
  /**
   * Threads for the native step's products when `FMNIST_WASM_THREADS` (the share
   * `fmnist experiment --jobs` gives each child) is not set: see {@link nativeThreadsFor}. Default
   * `wasmThreads`, else 1.
   */
  nativeThreads?: number;
}

/**
 * The threads worth giving the native step for a model: every core for a conv net (large
 * products); for a dense net as measured in the README (*The fused step*).
 */
export function nativeThreadsFor(spec: { layers: readonly { type: string }[] }): number {
  const convolutional = spec.layers.some((layer) => layer.type === 'conv2d');
  return convolutional ? Math.min(availableParallelism(), MAX_WASM_THREADS) : 1;
}

/**
 * The threads worth giving the wasm backend to train a model: every core (at most 8) for a
 * network with a convolution, whose large products split well (cnn's step 1.4× faster on 2
 * cores); one for dense networks, whose small products gain less than the pool's hand-offs cost
 * (model 1's step ~1.2× slower on 2 threads).
 */
export function wasmThreadsFor(spec: { layers: readonly { type: string }[] }): number {
  const convolutional = spec.layers.some((layer) => layer.type === 'conv2d');
  return convolutional ? Math.min(availableParallelism(), MAX_WASM_THREADS) : 1;
}

/** `FMNIST_WASM_THREADS` (1 to 8) if set, else `fallback`. */
function wasmThreadsWanted(fallback: number): number {
  const text = process.env.FMNIST_WASM_THREADS;
  if (text === undefined || text === '') return fallback;
  const threads = Number(text);
  if (!Number.isInteger(threads) || threads < 1 || threads > MAX_WASM_THREADS) {
    throw new TrainError(
      'INVALID_OPTION',
      `FMNIST_WASM_THREADS must be a whole number from 1 to ${MAX_WASM_THREADS}; got ${JSON.stringify(text)}. ` +
        'Unset it to let fmnist choose.',
    );
  }
  return threads;
}

function isModuleMissing(error: unknown, pkg: string): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && message.includes(`'${pkg}'`)
  );
}

const MATMUL: Record<TfjsBackendName, string> = {
  node: 'libtensorflow',
  wasm: 'XNNPACK',
  cpu: 'JavaScript',
};
const matmulOf = (name: TfjsBackendName) =>
  name === 'wasm' && wasmMatmul?.blas ? 'OpenBLAS' : MATMUL[name];

let wasmStarted = false;
let wasmMatmul: { blas?: OpenBlas; note: string } | undefined;

/**
 * OpenBLAS for the wasm backend's matrix products (@fmnist/openblas, an optional dependency whose
 * addon builds where OpenBLAS is installed), or why not: then XNNPACK, in wasm, does them.
 */
async function openBlasForWasm(): Promise<OpenBlasStatus> {
  if (process.env.FMNIST_WASM_KERNELS === 'stock') {
    return { ok: false, reason: 'not used with FMNIST_WASM_KERNELS=stock' };
  }
  if (process.env.FMNIST_OPENBLAS === 'off') {
    return { ok: false, reason: 'turned off by FMNIST_OPENBLAS=off' };
  }
  try {
    const openblas = await import('@fmnist/openblas');
    return openblas.loadOpenBlas();
  } catch (error) {
    if (isModuleMissing(error, '@fmnist/openblas')) {
      return { ok: false, reason: '@fmnist/openblas is not installed (an optional dependency)' };
    }
    return { ok: false, reason: `@fmnist/openblas cannot be imported (${String(error)})` };
  }
}

let nativeStep: OpenBlasStatus | undefined;

/**
 * @fmnist/openblas with its fused step, or why not (not installed, not built, built before the
 * fused step, or turned off by `FMNIST_NATIVE=off`).
 */
export async function loadNativeStep(): Promise<OpenBlasStatus> {
  if (process.env.FMNIST_NATIVE === 'off')
    return { ok: false, reason: 'turned off by FMNIST_NATIVE=off' };
  if (nativeStep) return nativeStep;
  let status: OpenBlasStatus;
  try {
    const openblas = await import('@fmnist/openblas');
    status = openblas.loadOpenBlas();
  } catch (error) {
    status = isModuleMissing(error, '@fmnist/openblas')
      ? { ok: false, reason: '@fmnist/openblas is not installed (an optional dependency)' }
      : { ok: false, reason: `@fmnist/openblas cannot be imported (${String(error)})` };
  }
  if (status.ok && typeof status.blas.createNetwork !== 'function') {
    status = {
      ok: false,
      reason: 'the @fmnist/openblas addon was built before the fused step; rebuild it',
    };
  }
  nativeStep = status;
  return status;
}

async function activateNative(wasmThreads: number, nativeThreads: number): Promise<Attempt> {
  const status = await loadNativeStep();
  if (!status.ok) return { ok: false, reason: `native: ${status.reason}` };
  const skipped: string[] = [];
  for (const name of TFJS_BACKENDS) {
    const attempt = await activate(name, wasmThreads);
    if (!attempt.ok) {
      skipped.push(attempt.reason);
      continue;
    }
    status.blas.setThreads(nativeThreads);
    return {
      ok: true,
      threads: nativeThreads,
      matmul: 'OpenBLAS',
      reason:
        `the fused native step: one call per batch (forward, loss, backward, update), products on ` +
        `OpenBLAS on ${nativeThreads} thread${nativeThreads === 1 ? '' : 's'}, with tfjs ${name} ` +
        'holding the model; the fastest path for the specs it runs (others train on tfjs ' +
        `${name})`,
      tfjs: { name, reason: attempt.reason, threads: attempt.threads, matmul: attempt.matmul },
    };
  }
  return { ok: false, reason: `native: no tfjs backend loads under it (${skipped.join('; ')})` };
}

async function activate(name: TfjsBackendName, wasmThreads: number): Promise<Attempt> {
  let wasm: typeof import('@tensorflow/tfjs-backend-wasm') | undefined;
  if (name === 'node') {
    try {
      await import('@tensorflow/tfjs-node');
    } catch (error) {
      if (isModuleMissing(error, '@tensorflow/tfjs-node')) {
        return { ok: false, reason: 'tfjs-node: not installed (an optional dependency)' };
      }
      return {
        ok: false,
        reason:
          'tfjs-node: installed but not loadable — its install script did not run or could not ' +
          'download libtensorflow; see the README of @fmnist/train',
      };
    }
  } else if (name === 'wasm') {
    try {
      wasm = await import('@tensorflow/tfjs-backend-wasm');
    } catch (error) {
      return { ok: false, reason: `tfjs-backend-wasm: cannot be imported (${String(error)})` };
    }
    if (!wasmMatmul) {
      const status = await openBlasForWasm();
      wasmMatmul = status.ok
        ? { blas: status.blas, note: 'matrix products on OpenBLAS' }
        : { note: `matrix products on XNNPACK (OpenBLAS: ${status.reason})` };
    }
    registerWasmKernels(wasmMatmul.blas);
    // A process starts wasm once, with the threads it then keeps. (Asking tfjs whether it has
    // started, tf.findBackend, would itself start it, single-threaded.)
    const first = !wasmStarted;
    wasmStarted = true;
    if (first && wasmThreads > 1) {
      const { startWasmThreads } = await import('./wasm-threads.js');
      const threads = await startWasmThreads(wasmThreads);
      if (threads > 0) {
        wasmMatmul.blas?.setThreads(threads);
        return {
          ok: true,
          threads,
          matmul: matmulOf('wasm'),
          reason: `WebAssembly with SIMD on ${threads} threads, with our kernel fixes, ${wasmMatmul.note}; the fastest that loads without tfjs-node`,
        };
      }
    }
    if (first) wasmMatmul.blas?.setThreads(1);
  }
  let ready = false;
  try {
    ready = await tf.setBackend(TFJS_NAME[name]);
  } catch {
    ready = false;
  }
  if (!ready) return { ok: false, reason: `${name}: registered but failed to initialise` };
  const reasons: Record<TfjsBackendName, string> = {
    node: 'tfjs-node loads: native libtensorflow, the fastest backend',
    wasm: `WebAssembly with SIMD, with our kernel fixes, ${wasmMatmul?.note}; the fastest that loads without tfjs-node`,
    cpu: 'the pure-JavaScript backend, always available and slowest',
  };
  const threads = wasm ? wasm.getThreadsCount() : name === 'cpu' ? 1 : availableParallelism();
  return { ok: true, reason: reasons[name], threads, matmul: matmulOf(name) };
}

/**
 * Make a tfjs backend the active one and say why. `auto` tries tfjs-node, then wasm, then cpu; a
 * named backend that cannot load is a {@link TrainError} saying how to get it.
 */
export async function selectBackend(
  preference: BackendName | 'auto' = 'auto',
  options: SelectBackendOptions = {},
): Promise<BackendChoice> {
  const wasmThreads = wasmThreadsWanted(options.wasmThreads ?? 1);
  const nativeThreads = wasmThreadsWanted(options.nativeThreads ?? options.wasmThreads ?? 1);
  if (preference !== 'auto' && !BACKEND_NAMES.includes(preference)) {
    throw new TrainError(
      'INVALID_OPTION',
      `backend must be one of auto, ${BACKEND_NAMES.join(', ')}; got ${JSON.stringify(preference)}`,
    );
  }
  const candidates = preference === 'auto' ? BACKEND_NAMES : [preference];
  const passedOver: BackendChoice['passedOver'] = [];
  for (const name of candidates) {
    const attempt =
      name === 'native'
        ? await activateNative(wasmThreads, nativeThreads)
        : await activate(name, wasmThreads);
    if (attempt.ok) {
      const reason =
        preference === 'auto' ? attempt.reason : `asked for by name; ${attempt.reason}`;
      const tfjs = attempt.tfjs;
      return {
        name,
        reason,
        threads: attempt.threads,
        matmul: attempt.matmul,
        passedOver,
        ...(tfjs ? { tfjs } : {}),
      };
    }
    if (preference !== 'auto') {
      throw new TrainError(
        'BACKEND_UNAVAILABLE',
        `backend ${name} cannot be used: ${attempt.reason}. To get it, ${HOW_TO_GET[name]}; ` +
          'or choose --backend auto.',
      );
    }
    passedOver.push({ name, reason: attempt.reason });
  }
  throw new TrainError(
    'BACKEND_UNAVAILABLE',
    `no tfjs backend loads: ${passedOver.map((p) => p.reason).join('; ')}. Reinstall @fmnist/train.`,
  );
}
