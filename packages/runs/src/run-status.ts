import type { RunRecord } from '@fmnist/metrics';
import { RunsError } from './runs-error.js';

/** A run's status. */
export type RunStatus = RunRecord['status'];

const NEXT: Record<RunStatus, readonly RunStatus[]> = {
  running: ['completed', 'interrupted', 'failed'],
  interrupted: ['running'],
  failed: ['running'],
  completed: [],
};

/** Whether a run may go from status `from` to `to` (running ends in one of three; a stopped run may run again). */
export function canTransition(from: RunStatus, to: RunStatus): boolean {
  return NEXT[from].includes(to);
}

/** What {@link setRunStatus} records with a `failed` status. */
export type RunFailure = NonNullable<RunRecord['error']>;

/**
 * Move `record` to a new status in place: `finishedAt` is set when it stops and cleared when it
 * runs again, `error` is kept only with `failed` (which needs one).
 *
 * @throws {RunsError} `INVALID_TRANSITION`, e.g. for a completed run set running again.
 */
export function setRunStatus(
  record: RunRecord,
  status: RunStatus,
  error?: RunFailure,
  now = new Date(),
): RunRecord {
  if (!canTransition(record.status, status)) {
    throw new RunsError(
      'INVALID_TRANSITION',
      `a ${record.status} run cannot become ${status} (run ${record.id}): ` +
        (record.status === 'completed'
          ? 'it is finished; start a new run'
          : 'this is a bug in fmnist'),
    );
  }
  record.status = status;
  if (status === 'running') {
    delete record.finishedAt;
    delete record.error;
  } else {
    record.finishedAt = now.toISOString();
  }
  if (status === 'failed') {
    record.error = error ?? { message: 'the run failed for a reason it did not record' };
  } else {
    delete record.error;
  }
  return record;
}

/** The record of a failure from anything thrown: its message, with the epoch and batch when known. */
export function describeFailure(
  error: unknown,
  where: { epoch?: number; batch?: number } = {},
): RunFailure {
  const message = error instanceof Error ? error.message : String(error);
  return { message, ...where };
}
