import type { RedisOptions } from 'ioredis';
import { QueueError } from './queue-error.js';

/** A queue's Redis connection, from its URL. */
export interface QueueAddress {
  /** The URL with any password replaced by `***`, for messages and logs. */
  display: string;
  host: string;
  port: number;
  username?: string;
  password?: string;
  db: number;
  /** `rediss://`: connect with TLS. */
  tls: boolean;
}

/**
 * Reads `redis://[user:password@]host[:port][/db]` (or `rediss://` for TLS).
 *
 * @throws {QueueError} `INVALID_QUEUE_URL` for anything else
 */
export function parseQueueUrl(url: string): QueueAddress {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new QueueError(
      'INVALID_QUEUE_URL',
      `expected a Redis URL such as redis://127.0.0.1:6379 for the queue, found ${JSON.stringify(url)}`,
      { cause },
    );
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new QueueError(
      'INVALID_QUEUE_URL',
      `expected redis:// or rediss:// (TLS) for the queue, found ${parsed.protocol}// in ${JSON.stringify(url)}`,
    );
  }
  const dbText = parsed.pathname.replace(/^\//, '');
  const db = dbText === '' ? 0 : Number(dbText);
  if (!Number.isInteger(db) || db < 0) {
    throw new QueueError(
      'INVALID_QUEUE_URL',
      `expected a database number after the host (redis://host:6379/0), found ${JSON.stringify(dbText)}`,
    );
  }
  const password = parsed.password === '' ? undefined : decodeURIComponent(parsed.password);
  const username = parsed.username === '' ? undefined : decodeURIComponent(parsed.username);
  const shown = new URL(parsed.href);
  if (password !== undefined) shown.password = '***';
  return {
    display: shown.href.replace(/\/$/, ''),
    host: parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: parsed.port === '' ? 6379 : Number(parsed.port),
    ...(username === undefined ? {} : { username }),
    ...(password === undefined ? {} : { password }),
    db,
    tls: parsed.protocol === 'rediss:',
  };
}

/** Options of {@link createRedisOptions}. */
export interface CreateRedisOptionsOptions {
  /** Give up a connection attempt after this long; default 5000 ms. */
  connectTimeoutMs?: number;
  /** Stop reconnecting after a lost connection once this long has passed; default 30 000 ms. */
  reconnectForMs?: number;
}

/** ioredis options with a retry strategy that is always a function (as BullMQ's types want). */
export type QueueRedisOptions = Omit<RedisOptions, 'retryStrategy'> & {
  retryStrategy: (times: number) => number | null;
};

/**
 * ioredis options for a queue: timeouts everywhere (ioredis retries forever by default, which
 * turns an unreachable queue into a hang), and `maxRetriesPerRequest: null` as BullMQ's workers need.
 */
export function createRedisOptions(
  address: QueueAddress,
  options: CreateRedisOptionsOptions = {},
): QueueRedisOptions {
  const connectTimeout = options.connectTimeoutMs ?? 5000;
  const reconnectFor = options.reconnectForMs ?? 30_000;
  let lostAt: number | undefined;
  return {
    host: address.host,
    port: address.port,
    db: address.db,
    ...(address.username === undefined ? {} : { username: address.username }),
    ...(address.password === undefined ? {} : { password: address.password }),
    ...(address.tls ? { tls: { servername: address.host } } : {}),
    connectTimeout,
    maxRetriesPerRequest: null,
    retryStrategy: () => {
      lostAt ??= Date.now();
      if (Date.now() - lostAt > reconnectFor) return null;
      return 500;
    },
  };
}
