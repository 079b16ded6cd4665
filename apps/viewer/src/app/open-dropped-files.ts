import { readExperimentEntry } from '../data/read-experiment-entry.js';
import { readRunRecord } from '../data/read-run-entry.js';
import type { AppState } from './state.js';

let counter = 0;

/** What opening one file did: the run to show (when there is one) and a sentence for the person. */
export interface OpenedFile {
  key?: string;
  message: string;
}

/**
 * Open run.json (or experiment.json) files a person dropped or picked: each is validated like
 * a served one, and an unreadable one is listed with what is wrong. A run that is listed
 * already (same record id) is not added twice: a served one is shown instead, a dropped one
 * is replaced by the newer file.
 */
export async function openDroppedFiles(
  state: AppState,
  files: readonly File[],
): Promise<OpenedFile[]> {
  const opened: OpenedFile[] = [];
  for (const file of files) {
    counter += 1;
    const key = `dropped/${counter}/${file.name}`;
    const source = `dropped file ${file.name}`;
    let value: unknown;
    try {
      value = JSON.parse(await file.text());
    } catch (error) {
      opened.push({
        message: `${file.name} is not valid JSON (${(error as Error).message}): drop a run.json written by fmnist.`,
      });
      continue;
    }
    if (value !== null && typeof value === 'object' && 'suite' in value) {
      state.experiments = [
        ...state.experiments,
        readExperimentEntry({ key, source, version: key, record: value, runKeys: [] }),
      ];
      opened.push({ message: `Opened the experiment ${file.name}.` });
      continue;
    }
    const run = readRunRecord({ key, source, hasModel: false }, value);
    run.dropped = true;
    const id = run.summary?.id;
    if (!run.summary || id === undefined) {
      opened.push({ message: `${file.name}: ${run.problem ?? 'not a run record'}` });
      continue;
    }
    const listed = state.runs.find((r) => r.summary?.id === id);
    if (listed) {
      opened.push({
        key: listed.key,
        message: `${run.summary.name} is listed already (${listed.source}): showing that one.`,
      });
      continue;
    }
    const previous = state.dropped.findIndex((r) => r.summary?.id === id);
    if (previous === -1) state.dropped.push(run);
    else state.dropped[previous] = run;
    opened.push({
      key,
      message: `Opened ${run.summary.name} from ${source}${previous === -1 ? '' : ' (replacing the copy dropped before)'}.`,
    });
  }
  return opened;
}
