import { SweepError } from '../errors/sweep-error.js';
import { applyTrialParams } from '../space/apply-trial-params.js';
import type { SearchSpace } from '../space/search-space.js';
import type { Configuration } from '../strategies/configuration.js';
import { createScheduler, type SweepScheduler } from '../strategies/create-scheduler.js';
import { planGrid } from '../strategies/plan-grid.js';
import { sampleRandom } from '../strategies/sample-random.js';

/** The strategies a sweep may use. */
export const STRATEGY_NAMES = ['grid', 'random', 'asha', 'halving'] as const;

/** One of {@link STRATEGY_NAMES}. */
export type StrategyName = (typeof STRATEGY_NAMES)[number];

/** What a sweep was asked for (the flags); what is left out gets a default. */
export interface SweepRequest {
  /** Default `random`. */
  strategy?: StrategyName;
  /** Configurations to try; default: all of a grid, 8 for random and ASHA. */
  trials?: number;
  /** Seeds each configuration runs with (0 … k−1); default 1. */
  seeds?: number;
  /** Epochs of every trial; under ASHA the last rung. Default the space's `training.epochs`. */
  epochs?: number;
  /** ASHA: epochs of the first rung; default max(1, round(epochs / η²)). */
  minEpochs?: number;
  /** ASHA: keep the best 1/η of a rung; default 3. */
  reductionFactor?: number;
  /** Seeds the planning (random draws, a grid's subset) and the shared holdout; default 0. */
  seed?: number;
}

/** A sweep's plan with every default filled in: what `sweep.json` records, and `--resume` replans from. */
export interface SweepPlanOptions {
  strategy: StrategyName;
  trials: number;
  seeds: number[];
  /** The last (or only) epoch budget. */
  epochs: number;
  minEpochs?: number;
  reductionFactor?: number;
  seed: number;
  /** The seed of the holdout every trial validates on (one per sweep). */
  holdoutSeed: number;
}

/** A planned sweep. */
export interface SweepPlan {
  options: SweepPlanOptions;
  configurations: Configuration[];
  /** A fresh scheduler for the plan (the same jobs every time). */
  createScheduler(): SweepScheduler;
}

function checkCount(name: string, value: number | undefined): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
    throw new SweepError('INVALID_PLAN', `--${name} must be a positive integer, got ${value}`);
  }
}

/**
 * Plans a sweep over a space: its configurations (by the strategy) and its scheduler. The same
 * space and options always give the same plan, so that `--resume` and every worker agree.
 *
 * @throws {SweepError} `INVALID_PLAN` for options that do not fit (more trials than a grid has,
 * `epochs` varied under ASHA, a first rung above the last, …)
 */
export function planSweep(space: SearchSpace, request: SweepRequest = {}): SweepPlan {
  const strategy = request.strategy ?? 'random';
  if (!(STRATEGY_NAMES as readonly string[]).includes(strategy)) {
    throw new SweepError(
      'INVALID_PLAN',
      `--strategy must be one of ${STRATEGY_NAMES.join(', ')}, got ${JSON.stringify(strategy)}`,
    );
  }
  checkCount('trials', request.trials);
  checkCount('seeds', request.seeds);
  checkCount('epochs', request.epochs);
  checkCount('min-epochs', request.minEpochs);
  const seed = request.seed ?? 0;
  const adaptive = strategy === 'asha' || strategy === 'halving';
  if (adaptive && space.parameters.epochs) {
    throw new SweepError(
      'INVALID_PLAN',
      `parameters.epochs: ${strategy} sets each trial's epochs itself (from --min-epochs to --epochs); drop "epochs" from the space, or use grid or random`,
    );
  }
  const configurations =
    strategy === 'grid'
      ? planGrid(space, {
          ...(request.trials === undefined ? {} : { trials: request.trials }),
          seed,
        })
      : sampleRandom(space, { trials: request.trials ?? 8, seed });
  const epochs = request.epochs ?? space.training.epochs;
  const reductionFactor = request.reductionFactor ?? 3;
  const minEpochs = adaptive
    ? (request.minEpochs ?? Math.max(1, Math.round(epochs / reductionFactor ** 2)))
    : undefined;
  if (minEpochs !== undefined && minEpochs > epochs) {
    throw new SweepError(
      'INVALID_PLAN',
      `--min-epochs ${minEpochs} is above --epochs ${epochs}: the first rung must not train longer than the last`,
    );
  }
  const options: SweepPlanOptions = {
    strategy,
    trials: configurations.length,
    seeds: Array.from({ length: request.seeds ?? 1 }, (_, i) => i),
    epochs,
    ...(adaptive ? { minEpochs, reductionFactor } : {}),
    seed,
    holdoutSeed: seed,
  };
  return {
    options,
    configurations,
    createScheduler: () =>
      adaptive
        ? createScheduler({
            configurations,
            seeds: options.seeds,
            mode: strategy === 'asha' ? 'asha' : 'halving',
            minEpochs: minEpochs as number,
            maxEpochs: epochs,
            reductionFactor,
          })
        : createScheduler({
            configurations,
            seeds: options.seeds,
            mode: 'fixed',
            epochsOf: (configuration) =>
              request.epochs ?? applyTrialParams(space, configuration.params).epochs,
          }),
  };
}
