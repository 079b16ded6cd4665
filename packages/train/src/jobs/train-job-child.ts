/**
 * The child process of one train job (`node train-job-child.js <job JSON>`, see `trainJobScript`):
 * it reports to its parent over IPC — structured events, then its result — and nothing meant for
 * people. SIGINT once finishes the batch and saves; twice quits at once; it also quits when its
 * parent dies (the run directory keeps its last completed epoch).
 */
import { exitWithParent, sendToParent } from '@fmnist/runs';
import type { TrainEvent } from '../train.js';
import { runTrainJob } from './run-train-job.js';
import type { TrainJob, TrainJobEvent } from './train-job.js';

// Batch events are many; the parent draws at most a few a second, and always an epoch's last.
const BATCH_EVENT_MS = 200;

async function main(): Promise<number> {
  exitWithParent();
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = () => {
    interrupts += 1;
    if (interrupts === 1) controller.abort();
    else process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let lastBatch = 0;
  const onEvent = (event: TrainEvent | TrainJobEvent) => {
    if (event.type === 'batch' && event.batch < event.batches) {
      if (Date.now() - lastBatch < BATCH_EVENT_MS) return;
      lastBatch = Date.now();
    }
    void sendToParent({ type: 'event', event });
  };
  try {
    const job = JSON.parse(process.argv[2] ?? '') as TrainJob;
    const result = await runTrainJob(job, { signal: controller.signal, onEvent, env: process.env });
    await sendToParent({ type: 'result', status: result.status, record: result.record });
    return result.status === 'interrupted' ? 130 : 0;
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    await sendToParent({
      type: 'result',
      status: 'failed',
      error: {
        message: error instanceof Error ? error.message : String(error),
        ...(typeof code === 'string' ? { code } : {}),
      },
    });
    return 1;
  }
}

process.exit(await main());
