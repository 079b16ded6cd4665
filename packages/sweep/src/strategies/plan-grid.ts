import { createRng } from '@fmnist/dataset';
import { SweepError } from '../errors/sweep-error.js';
import type { ParameterDomain, SearchSpace, TrialParams } from '../space/search-space.js';
import { PARAMETER_NAMES } from '../space/search-space-schema.js';
import { type Configuration, formatConfigurationId, roundValue } from './configuration.js';

/** Options of {@link planGrid}. */
export interface PlanGridOptions {
  /** How many grid points to try; default all. Fewer: a seeded, evenly random subset in grid order. */
  trials?: number;
  /** Seeds the subset when `trials` is below the grid's size; default 0. */
  seed?: number;
}

/** The values a grid takes from one parameter's domain. */
export function listGridValues(name: string, domain: ParameterDomain): unknown[] {
  if (domain.kind === 'list') return [...domain.values];
  if (domain.points === undefined) {
    throw new SweepError(
      'INVALID_PLAN',
      `parameters.${name} is a ${domain.kind} without "points": a grid needs a finite set of values; add e.g. "points": 4, or use the random or asha strategy`,
    );
  }
  const { min, max, points, integer } = domain;
  const values = Array.from({ length: points }, (_, i) => {
    const t = i / (points - 1);
    const value =
      domain.kind === 'logRange'
        ? Math.exp(Math.log(min) + t * Math.log(max / min))
        : min + t * (max - min);
    return roundValue(value, integer);
  });
  return [...new Set(values)];
}

/** How many points the grid of `space` has (throws like {@link planGrid} when it has no grid). */
export function countGridPoints(space: SearchSpace): number {
  return PARAMETER_NAMES.reduce((count, name) => {
    const domain = space.parameters[name];
    return domain ? count * listGridValues(name, domain).length : count;
  }, 1);
}

/**
 * Every combination of the space's parameter values (the first parameter varies slowest), or a
 * seeded subset of `trials` of them, kept in grid order.
 *
 * @throws {SweepError} `INVALID_PLAN` for a range without `points`, or more trials than the grid has
 */
export function planGrid(space: SearchSpace, options: PlanGridOptions = {}): Configuration[] {
  const axes = PARAMETER_NAMES.flatMap((name) => {
    const domain = space.parameters[name];
    return domain ? [{ name, values: listGridValues(name, domain) }] : [];
  });
  let points: TrialParams[] = [{}];
  for (const axis of axes) {
    points = points.flatMap((point) =>
      axis.values.map((value) => ({ ...point, [axis.name]: value })),
    );
  }
  const { trials } = options;
  if (trials !== undefined) {
    if (!Number.isInteger(trials) || trials < 1) {
      throw new SweepError('INVALID_PLAN', `trials must be a positive integer, got ${trials}`);
    }
    if (trials > points.length) {
      throw new SweepError(
        'INVALID_PLAN',
        `--trials ${trials} asks for more trials than the grid of ${space.name} has (${points.length}: ${axes.map((axis) => `${axis.values.length} ${axis.name}`).join(' × ')}); ask for ${points.length} or fewer, or add points`,
      );
    }
    if (trials < points.length) {
      const rng = createRng(options.seed ?? 0);
      const indices = points.map((_, i) => i);
      for (let i = indices.length - 1; i > 0; i--) {
        const j = rng.nextInt(i + 1);
        [indices[i], indices[j]] = [indices[j] as number, indices[i] as number];
      }
      const chosen = indices.slice(0, trials).sort((a, b) => a - b);
      points = chosen.map((i) => points[i] as TrialParams);
    }
  }
  return points.map((params, index) => ({ index, id: formatConfigurationId(index), params }));
}
