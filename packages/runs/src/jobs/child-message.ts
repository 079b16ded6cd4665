/** What a job's child process sends its parent over the IPC channel. */
export type ChildMessage =
  /** A structured event while the job runs (e.g. an epoch's figures). */
  | { type: 'event'; event: unknown }
  /** How the job ended: its outcome, with the run's record. */
  | {
      type: 'result';
      status: 'completed' | 'failed' | 'interrupted';
      record?: unknown;
      error?: { message: string; code?: string };
    };

/** Whether `value` is a {@link ChildMessage}. */
export function isChildMessage(value: unknown): value is ChildMessage {
  const type = (value as { type?: unknown } | null)?.type;
  return type === 'event' || type === 'result';
}
