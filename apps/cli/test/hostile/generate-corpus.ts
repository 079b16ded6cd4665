// The hostile corpus of issue 18: inputs a hostile (or unlucky) user gives fmnist, generated into a
// directory so that anyone can re-run the tally (`pnpm --filter @fmnist/cli exec vitest run
// test/hostile`). Each case says what to run and which files must come out unchanged; the cases
// of each category are in a file of their own (idx-, spec-, predict-, record-, flag-cases.ts).
import { cp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Corpus } from './corpus-cases.js';
import { flagCases, traversalCases } from './flag-cases.js';
import { writeIdxCases } from './idx-cases.js';
import { writePredictCases } from './predict-cases.js';
import { writeRecordCases } from './record-cases.js';
import { writeSpecCases } from './spec-cases.js';

export type { Category, CliCase, Corpus, UrlCase } from './corpus-cases.js';
export { CATEGORY_MINIMUMS } from './corpus-cases.js';

/**
 * Write the whole corpus under `root` from a trained run (`baseRun`) and its data (`dataDir`);
 * return every case.
 */
export async function generateCorpus(
  root: string,
  baseRun: string,
  dataDir: string,
): Promise<Corpus> {
  const out = join(root, 'train-out');
  const secretFile = join(root, 'secret.txt');
  const secret = `secret-${Math.random().toString(36).slice(2)}`;
  await mkdir(root, { recursive: true });
  await writeFile(secretFile, secret);
  // The viewer serves runs/: one good run, a run whose model links to the secret, a run dir that is
  // a link out of runs/.
  const runsDir = join(root, 'viewer', 'runs');
  await cp(baseRun, join(runsDir, 'good'), { recursive: true });
  await rm(join(runsDir, 'good', 'model', 'weights.bin'));
  await symlink(secretFile, join(runsDir, 'good', 'model', 'weights.bin'));
  await symlink(secretFile, join(runsDir, 'good', 'model', 'secret-link'));
  await mkdir(join(root, 'viewer', 'outside'), { recursive: true });
  await cp(join(baseRun, 'run.json'), join(root, 'viewer', 'outside', 'run.json'));
  await writeFile(join(root, 'viewer', 'outside', 'secret.txt'), secret);
  await symlink(join(root, 'viewer', 'outside'), join(runsDir, 'linked-out'));
  await mkdir(join(root, 'viewer', 'experiments'), { recursive: true });
  const cases = [
    ...(await writeIdxCases(root, out)),
    ...(await writeSpecCases(root, dataDir, out)),
    ...(await writePredictCases(root, baseRun)),
    ...(await writeRecordCases(root, baseRun, dataDir)),
    ...flagCases(),
    ...traversalCases('runs/good'),
  ];
  return { root, runsDir, secret, secretFile, cases };
}
