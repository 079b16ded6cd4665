/** Options of {@link createOverallProgress}. */
export interface OverallProgressOptions {
  /** Runs in the job. */
  runs: number;
  /** Epochs each run trains. */
  epochsPerRun: number;
  /** Epochs already trained before this start (a resumed job's finished epochs). */
  epochsDone?: number;
  /** Runs already finished before this start. */
  runsDone?: number;
  /** The clock, in milliseconds; default `Date.now`. */
  now?: () => number;
}

/** Where a job of many runs stands: counts, time spent and the time left. */
export interface OverallProgressSnapshot {
  runsDone: number;
  runs: number;
  epochsDone: number;
  epochs: number;
  /** Seconds since this start. */
  elapsedSeconds: number;
  /** Seconds left at the rate of this start's epochs; undefined before the first epoch ends. */
  remainingSeconds?: number;
}

/** Tracks a job of many runs (an experiment, a sweep) from its runs' epochs. */
export interface OverallProgress {
  /** One epoch of some run ended. */
  epochEnded(): void;
  /** Epochs a resumed run had trained before this start: counted as done, not in the rate. */
  addEarlierEpochs(epochs: number): void;
  /** A run ended; `epochsLeft` are the epochs it did not train (early stopping, a failure). */
  runEnded(epochsLeft?: number): void;
  snapshot(): OverallProgressSnapshot;
}

/**
 * Overall progress of many runs, for the line `fmnist experiment` prints as runs finish: runs done
 * of total, epochs done of total, elapsed, and an estimate of the time left — the epochs left at
 * the rate epochs have ended since this start (which already counts the runs going in parallel,
 * and leaves out a resumed job's earlier epochs).
 */
export function createOverallProgress(options: OverallProgressOptions): OverallProgress {
  const now = options.now ?? Date.now;
  const started = now();
  let startEpochs = options.epochsDone ?? 0;
  let epochs = options.runs * options.epochsPerRun;
  let epochsDone = startEpochs;
  let runsDone = options.runsDone ?? 0;
  return {
    epochEnded() {
      epochsDone += 1;
    },
    addEarlierEpochs(earlier) {
      epochsDone += earlier;
      startEpochs += earlier;
    },
    runEnded(epochsLeft = 0) {
      runsDone += 1;
      epochs -= epochsLeft;
    },
    snapshot() {
      const elapsedSeconds = (now() - started) / 1000;
      const sinceStart = epochsDone - startEpochs;
      const left = Math.max(0, epochs - epochsDone);
      return {
        runsDone,
        runs: options.runs,
        epochsDone,
        epochs,
        elapsedSeconds,
        ...(sinceStart > 0 && elapsedSeconds > 0
          ? {
              remainingSeconds: runsDone >= options.runs ? 0 : (left * elapsedSeconds) / sinceStart,
            }
          : {}),
      };
    },
  };
}

/** Seconds as people say them: `45s`, `3m 05s`, `1h 02m`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

/** `Progress: 2/5 runs, 212/500 epochs — 4m 12s elapsed, about 5m 40s left`. */
export function formatOverallProgress(snapshot: OverallProgressSnapshot): string {
  const left =
    snapshot.runsDone >= snapshot.runs
      ? 'done'
      : snapshot.epochsDone >= snapshot.epochs
        ? 'the last runs are being evaluated'
        : snapshot.remainingSeconds === undefined
          ? 'time left not known yet'
          : `about ${formatDuration(snapshot.remainingSeconds)} left`;
  return `Progress: ${snapshot.runsDone}/${snapshot.runs} runs, ${snapshot.epochsDone}/${snapshot.epochs} epochs — ${formatDuration(snapshot.elapsedSeconds)} elapsed, ${left}`;
}
