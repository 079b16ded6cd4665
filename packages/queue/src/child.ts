/**
 * `@fmnist/queue/child`: what a job's child process uses to talk to the worker that started it
 * (no BullMQ, no Redis client here).
 *
 * @packageDocumentation
 */
export type { ChildMessage } from './child-message.js';
export { exitWithParent } from './exit-with-parent.js';
export { sendToParent } from './send-to-parent.js';
