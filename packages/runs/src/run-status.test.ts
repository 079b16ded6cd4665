import type { RunRecord } from '@fmnist/metrics';
import { describe, expect, it } from 'vitest';
import { canTransition, setRunStatus } from './run-status.js';

const record = (status: RunRecord['status']) => ({ id: 'r', status }) as RunRecord;

describe('setRunStatus', () => {
  it('ends a running run with a time, and a failed one with its error', () => {
    const failed = setRunStatus(record('running'), 'failed', { message: 'boom', epoch: 2 });
    expect(failed).toMatchObject({ status: 'failed', error: { message: 'boom', epoch: 2 } });
    expect(failed.finishedAt).toBeDefined();
    const again = setRunStatus(failed, 'running');
    expect(again.error).toBeUndefined();
    expect(again.finishedAt).toBeUndefined();
  });

  it('refuses to run a completed run again', () => {
    expect(canTransition('completed', 'running')).toBe(false);
    expect(() => setRunStatus(record('completed'), 'running')).toThrow(/start a new run/);
  });
});
