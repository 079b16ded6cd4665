import type { ChildMessage } from './child-message.js';

/**
 * Sends a structured message to the parent over the IPC channel; resolves once it is handed to
 * the OS. Does nothing (and resolves) in a process started without one.
 */
export function sendToParent(message: ChildMessage): Promise<void> {
  const send = process.send?.bind(process);
  if (!send || !process.connected) return Promise.resolve();
  return new Promise((resolve) => {
    send(message, undefined, undefined, () => resolve());
  });
}
