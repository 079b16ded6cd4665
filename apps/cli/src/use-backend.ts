import {
  type BackendChoice,
  type BackendName,
  type SelectBackendOptions,
  selectBackend,
} from '@fmnist/train';
import pc from 'picocolors';
import { backendOptions } from './backend-options.js';

/** The values `--backend` takes. */
export const BACKEND_CHOICES = ['auto', 'native', 'node', 'wasm', 'cpu'] as const;

/**
 * Activate a tfjs backend (`--backend`) and say on stderr which one runs and why, and why each
 * one tried before it was passed over. `options`: e.g. `backendThreadsFor(spec)`; the
 * environment's choices (see `backendOptions`) go over them.
 */
export async function useBackend(
  preference: BackendName | 'auto',
  options: SelectBackendOptions = {},
  stream: NodeJS.WritableStream = process.stderr,
): Promise<BackendChoice> {
  const choice = await selectBackend(preference, backendOptions(options));
  stream.write(`${pc.bold('Backend')}: ${choice.name} — ${choice.reason}\n`);
  for (const skipped of choice.passedOver) {
    stream.write(pc.dim(`  passed over ${skipped.name}: ${skipped.reason}\n`));
  }
  return choice;
}
