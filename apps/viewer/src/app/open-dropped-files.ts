import { readExperimentEntry } from '../data/read-experiment-entry.js';
import { type LoadedRun, readRunEntry } from '../data/read-run-entry.js';
import type { AppState } from './state.js';

let counter = 0;

/**
 * Open run.json (or experiment.json) files a person dropped or picked: each is validated like
 * a served one, and an unreadable one is listed with what is wrong. Returns the runs opened.
 */
export async function openDroppedFiles(
  state: AppState,
  files: readonly File[],
): Promise<LoadedRun[]> {
  const opened: LoadedRun[] = [];
  for (const file of files) {
    counter += 1;
    const key = `dropped/${counter}/${file.name}`;
    const source = `dropped file ${file.name}`;
    let value: unknown;
    try {
      value = JSON.parse(await file.text());
    } catch (error) {
      const run = readRunEntry({
        key,
        source,
        hasModel: false,
        error: `${file.name} is not valid JSON (${(error as Error).message}): drop a run.json written by fmnist`,
      });
      state.dropped.push(run);
      opened.push(run);
      continue;
    }
    if (value !== null && typeof value === 'object' && 'suite' in value) {
      state.experiments.push(readExperimentEntry({ key, source, record: value, runKeys: [] }));
      continue;
    }
    const run = readRunEntry({ key, source, record: value, hasModel: false });
    state.dropped.push(run);
    opened.push(run);
  }
  return opened;
}
