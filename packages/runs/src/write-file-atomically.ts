import writeFileAtomic from 'write-file-atomic';

/** A fault for tests: given the path about to be written, the error to fail with, or undefined. */
export type WriteFault = (path: string) => Error | undefined;

let injectedFault: WriteFault | undefined;

/**
 * For tests of full and read-only disks: every write of this file layer (run.json, report.md,
 * the lock's owner file, and the CLI's outputs, which all go through
 * {@link writeFileAtomically}) first asks `fault`, and fails with the error it returns, as the
 * write of the temporary file would. Call with no argument to remove it.
 */
export function injectWriteFault(fault?: WriteFault): void {
  injectedFault = fault;
}

/**
 * Write a file so that readers see the old content or the new, never a mix (a temporary file
 * beside it, fsynced, then renamed over it — `write-file-atomic`).
 */
export async function writeFileAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const fault = injectedFault?.(path);
  if (fault !== undefined) throw fault;
  await writeFileAtomic(path, typeof data === 'string' ? data : Buffer.from(data));
}

/** {@link writeFileAtomically} of `value` as pretty JSON with a final newline. */
export async function writeJsonAtomically(path: string, value: unknown): Promise<void> {
  await writeFileAtomically(path, `${JSON.stringify(value, null, 2)}\n`);
}
