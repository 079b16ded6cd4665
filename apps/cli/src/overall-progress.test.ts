import { describe, expect, it } from 'vitest';
import {
  createOverallProgress,
  formatDuration,
  formatOverallProgress,
} from './overall-progress.js';

describe('createOverallProgress', () => {
  it('estimates the time left from the epochs ended since it started', () => {
    let clock = 0;
    const progress = createOverallProgress({ runs: 5, epochsPerRun: 100, now: () => clock });
    expect(formatOverallProgress(progress.snapshot())).toBe(
      'Progress: 0/5 runs, 0/500 epochs — 0s elapsed, time left not known yet',
    );
    // Two runs in parallel: 2 epochs every 3 s.
    for (let i = 0; i < 100; i++) {
      clock += 1500;
      progress.epochEnded();
    }
    expect(progress.snapshot()).toMatchObject({
      epochsDone: 100,
      elapsedSeconds: 150,
      remainingSeconds: 600,
    });
    expect(formatOverallProgress(progress.snapshot())).toBe(
      'Progress: 0/5 runs, 100/500 epochs — 2m 30s elapsed, about 10m 00s left',
    );
  });

  it('leaves out the epochs of a resumed job and those an early stop skipped', () => {
    let clock = 0;
    const progress = createOverallProgress({
      runs: 2,
      epochsPerRun: 10,
      epochsDone: 10,
      runsDone: 1,
      now: () => clock,
    });
    progress.addEarlierEpochs(4); // the second run, resumed after its epoch 4
    clock += 2000;
    progress.epochEnded();
    expect(progress.snapshot()).toMatchObject({ epochsDone: 15, remainingSeconds: 10 });
    progress.runEnded(5); // stopped early after its epoch 5
    expect(formatOverallProgress(progress.snapshot())).toBe(
      'Progress: 2/2 runs, 15/15 epochs — 2s elapsed, done',
    );
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [59.4, '59s'],
    [185, '3m 05s'],
    [3720, '1h 02m'],
  ])('%s s → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
