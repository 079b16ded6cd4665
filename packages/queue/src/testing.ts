/**
 * `@fmnist/queue/testing`: for tests of programs that run on the queue — a real `redis-server`
 * (Debian's) on a free port of 127.0.0.1, persisting nothing. No BullMQ, no Redis client.
 *
 * @packageDocumentation
 */
export { findFreePort, startRedis } from './start-redis.js';
