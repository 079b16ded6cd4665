import { SweepError } from '../errors/sweep-error.js';
import type { Configuration } from './configuration.js';

/** One run to do: a configuration with one seed, trained (or extended) to `epochs`. */
export interface SweepJob {
  /** Deterministic: `<configuration>-s<seed>-e<epochs>`, the same on every replay and machine. */
  id: string;
  configuration: Configuration;
  seed: number;
  /** Index of the rung (0 for grid and random). */
  rung: number;
  /** Train up to this many epochs in total. */
  epochs: number;
  /** Epochs the run already has (0: start it; more: resume its checkpoint and extend it). */
  fromEpochs: number;
}

/** What a finished job gives the scheduler. */
export type SweepJobResult =
  | { status: 'completed'; valAccuracy: number }
  /** Diverged (loss NaN) or errored: a result, never retried; the configuration ranks last. */
  | { status: 'failed'; reason: string };

/** What the scheduler wants done next. */
export type SchedulerStep =
  | { type: 'job'; job: SweepJob }
  /** Nothing to start until a running job reports. */
  | { type: 'wait' }
  | { type: 'done' };

/** Where one configuration stands. */
export interface ConfigurationState {
  configuration: Configuration;
  /** The highest rung handed out (-1: not started). */
  rung: number;
  /** Per rung reached: each seed's validation accuracy (NaN for a failed seed). */
  values: Map<number, Map<number, number>>;
  /** Why it failed, when a job of it did. */
  failure?: string;
}

/** Decides which trial runs next: grid and random run everything; ASHA promotes the best. */
export interface SweepScheduler {
  /** Epochs of each rung, first to last (ASHA and halving; empty for grid and random). */
  readonly rungs: readonly number[];
  /** The next job to start, or `wait` / `done`. */
  next(): SchedulerStep;
  /**
   * Records a job's result. Jobs the scheduler did not hand out in this process (results read
   * back by `--resume`) are accepted too, so that a restarted controller carries on.
   * @throws {SweepError} `UNKNOWN_JOB` for an id that is no job of this sweep
   */
  report(jobId: string, result: SweepJobResult): void;
  /** Every configuration's state, in plan order. */
  states(): readonly ConfigurationState[];
}

/** Options of {@link createScheduler}. */
export interface CreateSchedulerOptions {
  configurations: readonly Configuration[];
  /** The seeds every configuration runs with (the same for all, so that they compare fairly). */
  seeds: readonly number[];
  /**
   * `fixed` (grid, random): every configuration with every seed, at `epochsOf(configuration)`.
   * `asha`: asynchronous successive halving; `halving`: synchronous (waits for a whole rung, so
   * the promotions do not depend on which job finishes first).
   */
  mode: 'fixed' | 'asha' | 'halving';
  /** Epochs of a configuration under `fixed`. */
  epochsOf?: (configuration: Configuration) => number;
  /** ASHA/halving: epochs of the first rung. */
  minEpochs?: number;
  /** ASHA/halving: epochs of the last rung. */
  maxEpochs?: number;
  /** ASHA/halving: keep the best 1/η of a rung (default 3, as KerasTuner's and Optuna's). */
  reductionFactor?: number;
}

/** The rungs min·η^k while the next one still fits under max, then max: 2, 6, 20 for 2→20, η 3. */
export function listRungs(minEpochs: number, maxEpochs: number, reductionFactor: number): number[] {
  const rungs: number[] = [];
  for (let epochs = minEpochs; epochs * reductionFactor <= maxEpochs; epochs *= reductionFactor) {
    rungs.push(epochs);
  }
  if (rungs.at(-1) !== maxEpochs) rungs.push(maxEpochs);
  return rungs;
}

/** `c03-s1-e6`. */
export function formatJobId(configuration: Configuration, seed: number, epochs: number): string {
  return `${configuration.id}-s${seed}-e${epochs}`;
}

function checkOptions(options: CreateSchedulerOptions): void {
  const fail = (message: string) => {
    throw new SweepError('INVALID_PLAN', message);
  };
  if (options.configurations.length === 0) fail('a sweep needs at least one configuration');
  if (options.seeds.length === 0) fail('a sweep needs at least one seed');
  if (new Set(options.seeds).size !== options.seeds.length) fail('the seeds must differ');
  if (options.mode === 'fixed') return;
  const { minEpochs, maxEpochs, reductionFactor = 3 } = options;
  if (!Number.isInteger(minEpochs) || (minEpochs as number) < 1) {
    fail(`ASHA's minEpochs must be a positive integer, got ${minEpochs}`);
  }
  if (!Number.isInteger(maxEpochs) || (maxEpochs as number) < (minEpochs as number)) {
    fail(
      `ASHA's maxEpochs must be an integer of at least minEpochs (${minEpochs}), got ${maxEpochs}`,
    );
  }
  if (!Number.isInteger(reductionFactor) || reductionFactor < 2) {
    fail(`ASHA's reductionFactor must be an integer of at least 2, got ${reductionFactor}`);
  }
}

/**
 * A scheduler for one sweep: pure and deterministic (no clock, no randomness). ASHA (Li et al.
 * 2020, as in Optuna's SuccessiveHalvingPruner and KerasTuner's Hyperband brackets) promotes a
 * configuration from rung k to k+1 once it is among the best ⌊n/η⌋ of the n configurations done at
 * rung k; a rung that nothing can reach any more promotes at least its best, so that the best
 * configuration always gets `maxEpochs`. A promotion extends the configuration's runs from their
 * checkpoints (`fromEpochs`), it does not restart them. A failed job (diverged) fails its
 * configuration: never promoted, never retried, ranked last.
 */
export function createScheduler(options: CreateSchedulerOptions): SweepScheduler {
  checkOptions(options);
  const { configurations, seeds, mode } = options;
  const eta = options.reductionFactor ?? 3;
  const rungs =
    mode === 'fixed'
      ? [0]
      : listRungs(options.minEpochs as number, options.maxEpochs as number, eta);
  const epochsAt = (configuration: Configuration, rung: number): number =>
    mode === 'fixed' ? (options.epochsOf?.(configuration) ?? 1) : (rungs[rung] as number);

  const states: ConfigurationState[] = configurations.map((configuration) => ({
    configuration,
    rung: -1,
    values: new Map(),
  }));
  const jobs = new Map<string, SweepJob>();
  for (const state of states) {
    for (let rung = 0; rung < rungs.length; rung++) {
      for (const seed of seeds) {
        const epochs = epochsAt(state.configuration, rung);
        const fromEpochs = rung === 0 ? 0 : epochsAt(state.configuration, rung - 1);
        const id = formatJobId(state.configuration, seed, epochs);
        jobs.set(id, { id, configuration: state.configuration, seed, rung, epochs, fromEpochs });
      }
    }
  }
  const pending: SweepJob[] = [];
  const running = new Set<string>();
  const done = new Set<string>();

  const stateOf = (job: SweepJob) => states[job.configuration.index] as ConfigurationState;
  // A failed configuration is done at the rung it failed on, whatever its other seeds did.
  const isComplete = (state: ConfigurationState, rung: number) =>
    (state.values.get(rung)?.size ?? 0) === seeds.length ||
    (state.failure !== undefined && state.values.has(rung));
  const valueAt = (state: ConfigurationState, rung: number): number => {
    const values = [...(state.values.get(rung)?.values() ?? [])];
    if (state.failure !== undefined || values.some((v) => Number.isNaN(v))) {
      return Number.NEGATIVE_INFINITY;
    }
    return values.reduce((sum, v) => sum + v, 0) / values.length;
  };
  const issue = (state: ConfigurationState, rung: number) => {
    state.rung = rung;
    for (const seed of seeds) {
      const job = jobs.get(
        formatJobId(state.configuration, seed, epochsAt(state.configuration, rung)),
      );
      if (job && !done.has(job.id) && !running.has(job.id)) pending.push(job);
    }
  };
  const busyAtOrBelow = (rung: number) =>
    [...pending, ...[...running].map((id) => jobs.get(id) as SweepJob)].some(
      (job) => job.rung <= rung,
    );

  /** The configurations rung k may promote now, best first. */
  const promotable = (rung: number, closed: boolean): ConfigurationState[] => {
    const completed = states.filter((state) => state.rung >= rung && isComplete(state, rung));
    const strict = Math.floor(completed.length / eta);
    const quota = closed ? Math.max(1, strict) : mode === 'asha' ? strict : 0;
    const ranked = completed
      .map((state) => ({ state, value: valueAt(state, rung) }))
      .sort(
        (a, b) => b.value - a.value || a.state.configuration.index - b.state.configuration.index,
      )
      .slice(0, quota);
    return ranked
      .filter(({ state, value }) => state.rung === rung && Number.isFinite(value))
      .map(({ state }) => state);
  };

  /** Seeds of a rung handed out but never run (results read back after a restart): run them now. */
  const reissue = (): boolean => {
    for (const state of states) {
      if (state.rung < 0 || state.failure !== undefined) continue;
      for (const seed of seeds) {
        const id = formatJobId(
          state.configuration,
          seed,
          epochsAt(state.configuration, state.rung),
        );
        const job = jobs.get(id);
        if (job && !done.has(id) && !running.has(id) && !pending.some((p) => p.id === id)) {
          pending.push(job);
        }
      }
    }
    return pending.length > 0;
  };

  const decide = (): void => {
    if (reissue()) return;
    if (mode === 'fixed') {
      const next = states.find((state) => state.rung < 0);
      if (next) issue(next, 0);
      return;
    }
    const allStarted = states.every((state) => state.rung >= 0);
    const candidates: ConfigurationState[][] = [];
    let closed = allStarted;
    for (let rung = 0; rung < rungs.length - 1; rung++) {
      closed = closed && !busyAtOrBelow(rung);
      const list = promotable(rung, closed);
      candidates.push(list);
      closed = closed && list.length === 0;
    }
    for (let rung = candidates.length - 1; rung >= 0; rung--) {
      const best = candidates[rung]?.[0];
      if (best) {
        issue(best, rung + 1);
        return;
      }
    }
    const next = states.find((state) => state.rung < 0);
    if (next) issue(next, 0);
  };

  return {
    rungs: mode === 'fixed' ? [] : rungs,
    next(): SchedulerStep {
      if (pending.length === 0) decide();
      const job = pending.shift();
      if (job) {
        running.add(job.id);
        return { type: 'job', job };
      }
      return running.size > 0 ? { type: 'wait' } : { type: 'done' };
    },
    report(jobId, result) {
      const job = jobs.get(jobId);
      if (!job) {
        throw new SweepError(
          'UNKNOWN_JOB',
          `no job of this sweep is called ${JSON.stringify(jobId)}: was the sweep planned with other options (strategy, trials, seeds, epochs)?`,
        );
      }
      running.delete(jobId);
      const at = pending.findIndex((p) => p.id === jobId);
      if (at >= 0) pending.splice(at, 1);
      done.add(jobId);
      const state = stateOf(job);
      if (state.rung < job.rung) state.rung = job.rung;
      const values = state.values.get(job.rung) ?? new Map<number, number>();
      state.values.set(job.rung, values);
      if (result.status === 'failed') {
        values.set(job.seed, Number.NaN);
        state.failure ??= result.reason;
        // The configuration is a result now: its seeds not started are not run.
        for (let i = pending.length - 1; i >= 0; i--) {
          if (pending[i]?.configuration.index === job.configuration.index) pending.splice(i, 1);
        }
      } else {
        values.set(job.seed, result.valAccuracy);
      }
    },
    states: () => states,
  };
}
