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

/**
 * Options of {@link selectBackend}: each a choice the caller makes (nothing here reads the
 * environment; the CLI reads it into these, see {@link backendOptionsFromEnv}).
 */
export interface SelectBackendOptions {
  /**
   * Threads for the wasm backend (1 to {@link MAX_WASM_THREADS}): see {@link wasmThreadsFor}.
   * Default 1. Only the first start of wasm in a process counts.
   */
  wasmThreads?: number;
  /**
   * Threads the native step runs on (1 to {@link MAX_NATIVE_THREADS}; `fmnist experiment --jobs`
   * gives each run its share): see {@link nativeThreadsFor}. Default `wasmThreads`, else 1.
   */
  nativeThreads?: number;
  /**
   * `stock`: tfjs-backend-wasm's own kernels, with only the missing Conv2DBackpropFilter added,
   * and no fused optimizer update (benchmarks of what ours buy). Default `ours`. Only the first
   * start of wasm in a process counts.
   */
  wasmKernels?: 'ours' | 'stock';
  /** `false`: the wasm backend's products on XNNPACK even where OpenBLAS loads. Default true. */
  openblas?: boolean;
  /** `false`: never the native step (auto passes over it, saying so). Default true. */
  native?: boolean;
}

/** The most threads the native step runs on. */
export const MAX_NATIVE_THREADS = 64;

/**
 * The threads worth giving the native step: every core (at most 8), for dense and conv nets
 * alike. Its threads are its own, each running single-threaded OpenBLAS products on its rows of
 * the batch (see the README, *The fused step*), so even model 1's small products split well:
 * measured on 2 cores, model 1's epoch 0.41 → 0.27 s on 2 threads (fmnist bench, load 1.5–4.9),
 * where OpenBLAS' own threading made it slower; the cnn's 2-thread epoch 0.33× PyTorch's best.
 */
export function nativeThreadsFor(_spec: { layers: readonly { type: string }[] }): number {
  return Math.min(availableParallelism(), MAX_WASM_THREADS);
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

/**
 * {@link wasmThreadsFor} and {@link nativeThreadsFor} of a spec, as {@link selectBackend} takes
 * them — for one of `parallel` trainings sharing this machine's cores, each at most its share.
 */
export function backendThreadsFor(
  spec: { layers: readonly { type: string }[] },
  parallel = 1,
): Pick<SelectBackendOptions, 'wasmThreads' | 'nativeThreads'> {
  const share = Math.max(1, Math.floor(availableParallelism() / parallel));
  return {
    wasmThreads: Math.min(share, wasmThreadsFor(spec)),
    nativeThreads: Math.min(share, nativeThreadsFor(spec)),
  };
}

/** A thread count option: a whole number from 1 to `max`, or a TrainError saying so. */
function checkThreads(name: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new TrainError(
      'INVALID_OPTION',
      `${name} must be a whole number from 1 to ${max}; got ${JSON.stringify(value)}`,
    );
  }
  return value;
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
async function openBlasForWasm(options: SelectBackendOptions): Promise<OpenBlasStatus> {
  if (options.wasmKernels === 'stock') {
    return {
      ok: false,
      reason:
        'not used with the stock wasm kernels (wasmKernels: stock; FMNIST_WASM_KERNELS=stock in the CLI)',
    };
  }
  if (options.openblas === false) {
    return { ok: false, reason: 'turned off (openblas: false; FMNIST_OPENBLAS=off in the CLI)' };
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
 * @fmnist/openblas with its fused step, or why not (not installed, not built, or built before
 * the threaded fused step). Loads once.
 */
export async function loadNativeStep(): Promise<OpenBlasStatus> {
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
  if (status.ok && typeof status.blas.networkThreads !== 'function') {
    status = {
      ok: false,
      reason: 'the @fmnist/openblas addon was built before the threaded fused step; rebuild it',
    };
  }
  nativeStep = status;
  return status;
}

async function activateNative(
  options: SelectBackendOptions,
  wasmThreads: number,
  nativeThreads: number,
): Promise<Attempt> {
  if (options.native === false)
    return {
      ok: false,
      reason: 'native: turned off (native: false; FMNIST_NATIVE=off in the CLI)',
    };
  const status = await loadNativeStep();
  if (!status.ok) return { ok: false, reason: `native: ${status.reason}` };
  const skipped: string[] = [];
  for (const name of TFJS_BACKENDS) {
    const attempt = await activate(name, options, wasmThreads);
    if (!attempt.ok) {
      skipped.push(attempt.reason);
      continue;
    }
    const threads =
      nativeThreads === 1
        ? 'on 1 thread'
        : `on ${nativeThreads} threads of its own (each its rows of the batch, single-threaded OpenBLAS products)`;
    return {
      ok: true,
      threads: nativeThreads,
      matmul: 'OpenBLAS',
      reason:
        `the fused native step: one call per batch (forward, loss, backward, update) ${threads}, ` +
        `with tfjs ${name} ` +
        'holding the model; the fastest path for the specs it runs (others train on tfjs ' +
        `${name})`,
      tfjs: { name, reason: attempt.reason, threads: attempt.threads, matmul: attempt.matmul },
    };
  }
  return { ok: false, reason: `native: no tfjs backend loads under it (${skipped.join('; ')})` };
}

async function activate(
  name: TfjsBackendName,
  options: SelectBackendOptions,
  wasmThreads: number,
): Promise<Attempt> {
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
      const status = await openBlasForWasm(options);
      wasmMatmul = status.ok
        ? { blas: status.blas, note: 'matrix products on OpenBLAS' }
        : { note: `matrix products on XNNPACK (OpenBLAS: ${status.reason})` };
    }
    registerWasmKernels(wasmMatmul.blas, { kernels: options.wasmKernels ?? 'ours' });
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
  const wasmThreads = checkThreads('wasmThreads', options.wasmThreads ?? 1, MAX_WASM_THREADS);
  const nativeThreads = checkThreads(
    'nativeThreads',
    options.nativeThreads ?? options.wasmThreads ?? 1,
    MAX_NATIVE_THREADS,
  );
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
        ? await activateNative(options, wasmThreads, nativeThreads)
        : await activate(name, options, wasmThreads);
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
