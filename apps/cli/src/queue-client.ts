import type { QueueRunner, QueueWorker, StartQueueWorkerOptions } from '@fmnist/queue';
import { failure } from './errors.js';

type QueueModule = typeof import('@fmnist/queue');

/** `@fmnist/queue`, loaded only for `--queue` and `fmnist worker`: one machine needs no Redis client. */
async function importQueue(): Promise<QueueModule> {
  try {
    return await import('@fmnist/queue');
  } catch (cause) {
    throw failure(
      'running trials on a queue needs @fmnist/queue (BullMQ and its Redis client), which is not installed',
      'Install it next to fmnist: npm install --global @fmnist/queue (or add it to your project).',
      cause,
    );
  }
}

/** The controller's side of `--queue <url>`: fails within seconds, naming the URL, when Redis does not answer. */
export async function connectQueueRunner(url: string, version: string): Promise<QueueRunner> {
  const queue = await importQueue();
  return queue.createQueueRunner({ url, version });
}

/** A worker on `--queue <url>` (see `fmnist worker`). */
export async function startWorker(options: StartQueueWorkerOptions): Promise<QueueWorker> {
  const queue = await importQueue();
  return queue.startQueueWorker(options);
}
