import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What test/fixtures/worker.mjs says on its stdout. */
export type WorkerMessage =
  | { type: 'ready'; pid: number }
  | { type: 'child'; job: string; pid: number }
  | { type: 'log'; message: string };

/** A worker process for the tests, and everything it has said. */
export interface TestWorker {
  process: ChildProcess;
  messages: WorkerMessage[];
  /** Resolves with the first message that matches. */
  waitFor(match: (message: WorkerMessage) => boolean, timeoutMs?: number): Promise<WorkerMessage>;
}

/** Starts test/fixtures/worker.mjs on the queue and waits until it is ready. */
export async function startTestWorker(env: Record<string, string>): Promise<TestWorker> {
  const script = fileURLToPath(new URL('./fixtures/worker.mjs', import.meta.url));
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const messages: WorkerMessage[] = [];
  const waiters: (() => void)[] = [];
  let pending = '';
  child.stdout?.setEncoding('utf8').on('data', (text: string) => {
    pending += text;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) messages.push(JSON.parse(line) as WorkerMessage);
    for (const wake of waiters.splice(0)) wake();
  });
  const waitFor: TestWorker['waitFor'] = (match, timeoutMs = 20_000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('the worker did not say it in time')),
        timeoutMs,
      );
      const check = () => {
        const found = messages.find(match);
        if (found) {
          clearTimeout(timer);
          resolve(found);
        } else waiters.push(check);
      };
      check();
    });
  await waitFor((message) => message.type === 'ready');
  return { process: child, messages, waitFor };
}
