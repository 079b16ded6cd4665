import { randomUUID } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';

/**
 * Writes `bytes` to a temporary file beside `path`, then renames it over `path`, so readers see
 * the old file or the whole new one, never a partial one. Internal to the package.
 */
export async function writeFileAtomically(path: string, bytes: Uint8Array | string): Promise<void> {
  const temp = `${path}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  try {
    await writeFile(temp, bytes);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
