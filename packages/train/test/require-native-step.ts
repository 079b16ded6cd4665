import type { OpenBlas } from '@fmnist/openblas';
import { loadNativeStep } from '../src/select-backend.js';

/** The native step's addon, or a thrown error saying why it did not load (tests need it). */
export async function requireNativeStep(): Promise<OpenBlas> {
  const status = await loadNativeStep();
  if (!status.ok) throw new Error(status.reason);
  return status.blas;
}
