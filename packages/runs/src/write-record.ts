import { open, readFile } from 'node:fs/promises';
import type { RunRecord } from '@fmnist/metrics';
import { writeJsonAtomically } from './write-file-atomically.js';

const FULL_DISK = new Set(['ENOSPC', 'EDQUOT']);

/**
 * Write a run's record atomically (temp file + rename). A run that stops on a full disk would
 * otherwise stay `running` on disk, its last record never replaced: when the temporary copy
 * finds no room and the record says the run stopped, the stopped record is written over the
 * old one in place, in the blocks it already has — compact JSON padded with spaces to the old
 * length, so no block is allocated and no reader sees a shorter file. When the whole record does
 * not fit, the old record with the new status, error and finish time does. If neither fits, the
 * first error is thrown.
 */
export async function writeRecord(path: string, record: RunRecord): Promise<void> {
  try {
    await writeJsonAtomically(path, record);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (record.status === 'running' || typeof code !== 'string' || !FULL_DISK.has(code))
      throw error;
    if (!(await overwriteInPlace(path, record))) throw error;
  }
}

async function overwriteInPlace(path: string, record: RunRecord): Promise<boolean> {
  let old: RunRecord | undefined;
  try {
    old = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, '')) as RunRecord;
  } catch {
    return false;
  }
  const { status, error, finishedAt } = record;
  const stopped: RunRecord = { ...old, status };
  delete stopped.error;
  delete stopped.finishedAt;
  if (error !== undefined) stopped.error = error;
  if (finishedAt !== undefined) stopped.finishedAt = finishedAt;
  const handle = await open(path, 'r+');
  try {
    const { size } = await handle.stat();
    for (const candidate of [record, stopped]) {
      const text = Buffer.from(JSON.stringify(candidate));
      if (text.byteLength + 1 > size) continue;
      const padded = Buffer.alloc(size, ' ');
      text.copy(padded);
      padded[size - 1] = 0x0a;
      await handle.write(padded, 0, size, 0);
      await handle.sync();
      return true;
    }
    return false;
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}
