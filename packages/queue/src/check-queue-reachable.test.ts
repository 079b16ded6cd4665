import { describe, expect, it } from 'vitest';
import { createQueueRunner } from './create-queue-runner.js';
import { parseQueueUrl } from './parse-queue-url.js';
import { findFreePort } from './start-redis.js';

describe('an unreachable queue', () => {
  it('fails within seconds with a message naming the URL, not a hang', async () => {
    const port = await findFreePort();
    const started = Date.now();
    await expect(
      createQueueRunner({
        url: `redis://127.0.0.1:${port}`,
        version: 'test',
        connectTimeoutMs: 2000,
      }),
    ).rejects.toThrow(
      new RegExp(
        `^could not reach the queue at redis://127\\.0\\.0\\.1:${port} within 2 s \\(.*ECONNREFUSED.*\\): is redis-server running there`,
      ),
    );
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('times out on a host that never answers', async () => {
    const started = Date.now();
    // 192.0.2.0/24 is TEST-NET-1: routed nowhere, so the connection just waits.
    await expect(
      createQueueRunner({
        url: 'redis://:secret@192.0.2.1:6379',
        version: 'test',
        connectTimeoutMs: 1000,
      }),
    ).rejects.toThrow(
      /^could not reach the queue at redis:\/\/:\*\*\*@192\.0\.2\.1:6379 within 1 s/,
    );
    expect(Date.now() - started).toBeLessThan(2500);
  });
});

describe('parseQueueUrl', () => {
  it('reads host, port, password, database and TLS, and hides the password', () => {
    expect(parseQueueUrl('rediss://worker:p%40ss@queue.lab:6380/2')).toEqual({
      display: 'rediss://worker:***@queue.lab:6380/2',
      host: 'queue.lab',
      port: 6380,
      username: 'worker',
      password: 'p@ss',
      db: 2,
      tls: true,
    });
    expect(parseQueueUrl('redis://127.0.0.1')).toMatchObject({ port: 6379, db: 0, tls: false });
  });

  it('refuses what is not a Redis URL', () => {
    expect(() => parseQueueUrl('http://127.0.0.1:6379')).toThrow(
      'expected redis:// or rediss:// (TLS) for the queue, found http:// in "http://127.0.0.1:6379"',
    );
    expect(() => parseQueueUrl('127.0.0.1:6379')).toThrow(
      /^expected a Redis URL such as redis:\/\/127.0.0.1:6379/,
    );
  });
});
