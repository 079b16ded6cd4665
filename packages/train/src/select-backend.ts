import * as tf from '@tensorflow/tfjs';
import { TrainError } from './errors.js';
import { registerWasmKernels } from './kernels/register-wasm-kernels.js';

/** Our names for the tfjs backends, in the order `auto` tries them. */
export const BACKEND_NAMES = ['node', 'wasm', 'cpu'] as const;

/** A backend by our name: `node` is @tensorflow/tfjs-node, `wasm` @tensorflow/tfjs-backend-wasm. */
export type BackendName = (typeof BACKEND_NAMES)[number];

/** What {@link selectBackend} chose, why, and why each backend tried before it was passed over. */
export interface BackendChoice {
  name: BackendName;
  reason: string;
  passedOver: { name: BackendName; reason: string }[];
}

const TFJS_NAME: Record<BackendName, string> = { node: 'tensorflow', wasm: 'wasm', cpu: 'cpu' };

const HOW_TO_GET: Record<BackendName, string> = {
  node:
    'install @tensorflow/tfjs-node@4.22.0 on a machine with internet and allow its install script ' +
    '(pnpm: list it as true under allowBuilds in pnpm-workspace.yaml; npm: approve it when asked), ' +
    'which downloads libtensorflow',
  wasm: 'install @tensorflow/tfjs-backend-wasm@4.22.0 (a dependency of @fmnist/train: reinstall)',
  cpu: 'reinstall @tensorflow/tfjs@4.22.0',
};

type Attempt = { ok: true; reason: string } | { ok: false; reason: string };

function isModuleMissing(error: unknown, pkg: string): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && message.includes(`'${pkg}'`)
  );
}

async function activate(name: BackendName): Promise<Attempt> {
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
      await import('@tensorflow/tfjs-backend-wasm');
    } catch (error) {
      return { ok: false, reason: `tfjs-backend-wasm: cannot be imported (${String(error)})` };
    }
    registerWasmKernels();
  }
  let ready = false;
  try {
    ready = await tf.setBackend(TFJS_NAME[name]);
  } catch {
    ready = false;
  }
  if (!ready) return { ok: false, reason: `${name}: registered but failed to initialise` };
  const reasons: Record<BackendName, string> = {
    node: 'tfjs-node loads: native libtensorflow, the fastest backend',
    wasm: 'WebAssembly with SIMD, with our kernel fixes; the fastest that loads without tfjs-node',
    cpu: 'the pure-JavaScript backend, always available and slowest',
  };
  return { ok: true, reason: reasons[name] };
}

/**
 * Make a tfjs backend the active one and say why. `auto` tries tfjs-node, then wasm, then cpu; a
 * named backend that cannot load is a {@link TrainError} saying how to get it.
 */
export async function selectBackend(
  preference: BackendName | 'auto' = 'auto',
): Promise<BackendChoice> {
  if (preference !== 'auto' && !BACKEND_NAMES.includes(preference)) {
    throw new TrainError(
      'INVALID_OPTION',
      `backend must be one of auto, ${BACKEND_NAMES.join(', ')}; got ${JSON.stringify(preference)}`,
    );
  }
  const candidates = preference === 'auto' ? BACKEND_NAMES : [preference];
  const passedOver: BackendChoice['passedOver'] = [];
  for (const name of candidates) {
    const attempt = await activate(name);
    if (attempt.ok) {
      const reason =
        preference === 'auto' ? attempt.reason : `asked for by name; ${attempt.reason}`;
      return { name, reason, passedOver };
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
