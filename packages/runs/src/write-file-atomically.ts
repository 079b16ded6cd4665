import writeFileAtomic from 'write-file-atomic';

/**
 * Write a file so that readers see the old content or the new, never a mix (a temporary file
 * beside it, fsynced, then renamed over it — `write-file-atomic`).
 */
export async function writeFileAtomically(path: string, data: string | Uint8Array): Promise<void> {
  await writeFileAtomic(path, typeof data === 'string' ? data : Buffer.from(data));
}

/** {@link writeFileAtomically} of `value` as pretty JSON with a final newline. */
export async function writeJsonAtomically(path: string, value: unknown): Promise<void> {
  await writeFileAtomically(path, `${JSON.stringify(value, null, 2)}\n`);
}
