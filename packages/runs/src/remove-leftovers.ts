import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { RUN_FILES } from './layout.js';

// What a crash mid-write leaves: write-file-atomic's `run.json.<hash>` (and the older
// `run.json.tmp-<hex>`), the same beside report.md, saveModel's `.<file>.<uuid>.tmp`, and a
// half-written `checkpoint.tmp/`.
const TEMP_BESIDE = new RegExp(
  `^(${[RUN_FILES.record, RUN_FILES.report].map((f) => f.replace('.', '\\.')).join('|')})\\.(tmp-)?[0-9a-f-]+$`,
);
const MODEL_TEMP = /^\..+\.[0-9a-f-]{36}\.tmp$/;

const list = (dir: string) => readdir(dir).catch(() => [] as string[]);

/**
 * Remove the temporary files that crashed writes left in a run directory. Only its lock holder
 * calls this: nobody else is writing, so every such file is a leftover. Returns what it removed.
 */
export async function removeLeftovers(runDir: string): Promise<string[]> {
  const removed: string[] = [];
  const remove = async (path: string) => {
    await rm(path, { recursive: true, force: true });
    removed.push(path);
  };
  for (const name of await list(runDir)) {
    if (TEMP_BESIDE.test(name) || name === `${RUN_FILES.checkpoint}.tmp`) {
      await remove(join(runDir, name));
    }
  }
  for (const dir of [join(runDir, RUN_FILES.model), join(runDir, RUN_FILES.checkpoint, 'model')]) {
    for (const name of await list(dir)) if (MODEL_TEMP.test(name)) await remove(join(dir, name));
  }
  return removed;
}
