import { Redis } from 'ioredis';
import { createRedisOptions, type QueueAddress } from './parse-queue-url.js';
import { QueueError } from './queue-error.js';

/**
 * Connects to the queue's Redis once, with no retries, and checks that it can hold a BullMQ queue
 * (Redis 5 or later), so that a wrong `--queue` fails within seconds with a message naming it.
 *
 * @throws {QueueError} `QUEUE_UNREACHABLE` when Redis does not answer within `timeoutMs`,
 * `QUEUE_UNUSABLE` when it refuses the password or is too old
 */
export async function checkQueueReachable(address: QueueAddress, timeoutMs = 5000): Promise<void> {
  const client = new Redis({
    ...createRedisOptions(address, { connectTimeoutMs: timeoutMs }),
    lazyConnect: true,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
  });
  let lastError: unknown;
  client.on('error', (error: unknown) => {
    lastError = error;
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    const info = await Promise.race([client.connect().then(() => client.info('server')), timeout]);
    const version = /redis_version:(\d+)\.(\d+)/.exec(info);
    if (version && Number(version[1]) < 5) {
      throw new QueueError(
        'QUEUE_UNUSABLE',
        `the queue at ${address.display} is Redis ${version[1]}.${version[2]}; BullMQ needs Redis 5 or later (Debian's redis-server 7 is fine)`,
      );
    }
  } catch (error) {
    if (QueueError.isInstance(error)) throw error;
    // The socket's own error (ECONNREFUSED, ENOTFOUND, …) says more than ioredis' "Connection is closed".
    const reason = (
      (lastError as Error | undefined) ?? (error instanceof Error ? error : undefined)
    )?.message;
    if (/NOAUTH|WRONGPASS|invalid password|AUTH/i.test(reason ?? '')) {
      throw new QueueError(
        'QUEUE_UNUSABLE',
        `the queue at ${address.display} refused the connection: ${reason}. Put the password in the URL: redis://:PASSWORD@host:6379 (or user:PASSWORD@ for an ACL user)`,
        { cause: error },
      );
    }
    throw new QueueError(
      'QUEUE_UNREACHABLE',
      `could not reach the queue at ${address.display} within ${timeoutMs / 1000} s (${reason ?? 'no answer'}): is redis-server running there and reachable from this machine? Check the host, the port, a firewall, and rediss:// if it only speaks TLS`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}
