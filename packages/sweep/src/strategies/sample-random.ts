import { createRng, type Rng } from '@fmnist/dataset';
import { SweepError } from '../errors/sweep-error.js';
import type { ParameterDomain, SearchSpace, TrialParams } from '../space/search-space.js';
import { PARAMETER_NAMES } from '../space/search-space-schema.js';
import {
  type Configuration,
  formatConfigurationId,
  keyOfParams,
  roundValue,
} from './configuration.js';

/** Options of {@link sampleRandom}. */
export interface SampleRandomOptions {
  /** How many configurations to draw. */
  trials: number;
  /** The same seed draws the same configurations; default 0. */
  seed?: number;
}

function drawValue(domain: ParameterDomain, rng: Rng): unknown {
  if (domain.kind === 'list') return domain.values[rng.nextInt(domain.values.length)];
  const { min, max, integer } = domain;
  if (integer && domain.kind === 'range') return min + rng.nextInt(max - min + 1);
  const u = rng.next();
  const value =
    domain.kind === 'logRange'
      ? Math.exp(Math.log(min) + u * Math.log(max / min))
      : min + u * (max - min);
  return roundValue(value, integer);
}

/** The number of distinct configurations of a space whose every parameter is discrete, else Infinity. */
function countDistinct(space: SearchSpace): number {
  let count = 1;
  for (const name of PARAMETER_NAMES) {
    const domain = space.parameters[name];
    if (!domain) continue;
    if (domain.kind === 'list') count *= new Set(domain.values.map((v) => JSON.stringify(v))).size;
    else if (domain.integer && domain.kind === 'range') count *= domain.max - domain.min + 1;
    else return Number.POSITIVE_INFINITY;
  }
  return count;
}

/**
 * `trials` distinct configurations drawn from the space with a seeded generator: lists uniformly,
 * ranges uniformly, log-ranges log-uniformly (values rounded to 4 significant digits, integers to
 * whole numbers).
 *
 * @throws {SweepError} `INVALID_PLAN` when the space has fewer distinct configurations than `trials`
 */
export function sampleRandom(space: SearchSpace, options: SampleRandomOptions): Configuration[] {
  const { trials } = options;
  if (!Number.isInteger(trials) || trials < 1) {
    throw new SweepError('INVALID_PLAN', `trials must be a positive integer, got ${trials}`);
  }
  const distinct = countDistinct(space);
  if (trials > distinct) {
    throw new SweepError(
      'INVALID_PLAN',
      `--trials ${trials} asks for more trials than ${space.name} has distinct configurations (${distinct}); ask for ${distinct} or fewer, or use the grid strategy`,
    );
  }
  const rng = createRng(options.seed ?? 0);
  const seen = new Set<string>();
  const configurations: Configuration[] = [];
  while (configurations.length < trials) {
    let params: TrialParams = {};
    for (let attempt = 0; attempt < 1000; attempt++) {
      params = {};
      for (const name of PARAMETER_NAMES) {
        const domain = space.parameters[name];
        if (domain) (params as Record<string, unknown>)[name] = drawValue(domain, rng);
      }
      if (!seen.has(keyOfParams(params))) break;
    }
    seen.add(keyOfParams(params));
    const index = configurations.length;
    configurations.push({ index, id: formatConfigurationId(index), params });
  }
  return configurations;
}
