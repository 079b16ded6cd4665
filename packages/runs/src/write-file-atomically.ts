import { writeFile } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';

/** A fault for tests: given the path about to be written, the error to fail with, or undefined. */
export type WriteFault = (path: string) => Error | undefined;

let injectedFault: WriteFault | undefined;

/**
 * For tests of full and read-only disks: every write of this file layer (run.json, report.md,
 * the lock's owner file and the CLI's outputs through {@link writeFileAtomically}; checkpoints
 * and saved models through {@link writeTemporaryFile}) first asks `fault`, and fails with the
 * error it returns, as the write itself would. Call with no argument to remove it.
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
  await writeFileAtomic(path, typeof data === 'string' ? data : Buffer.from(data)).catch(
    (error: unknown) => {
      throw withPath(error, path);
    },
  );
}

/**
 * Write a file no reader looks at yet — a temporary name its caller renames, or a file inside a
 * directory swapped in whole (`checkpoint.tmp/`) — through this file layer, so that injected
 * faults reach it, without the second temporary file and fsync {@link writeFileAtomically} adds.
 */
export async function writeTemporaryFile(path: string, data: string | Uint8Array): Promise<void> {
  const fault = injectedFault?.(path);
  if (fault !== undefined) throw fault;
  await writeFile(path, data).catch((error: unknown) => {
    throw withPath(error, path);
  });
}

/**
 * A write's error with the path it was writing: Node's `write` errors (a real ENOSPC among them)
 * carry none, and "the disk is full" is only useful with where.
 */
function withPath(error: unknown, path: string): unknown {
  if (error instanceof Error && typeof (error as { code?: unknown }).code === 'string') {
    const errno = error as NodeJS.ErrnoException;
    errno.path ??= path;
  }
  return error;
}

/** {@link writeFileAtomically} of `value` as pretty JSON with a final newline. */
export async function writeJsonAtomically(path: string, value: unknown): Promise<void> {
  await writeFileAtomically(path, `${JSON.stringify(value, null, 2)}\n`);
}
