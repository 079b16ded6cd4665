import type { TrialParams } from '../space/search-space.js';

/** One point of a search space that a sweep tries (with each of its seeds). */
export interface Configuration {
  /** Position in the plan, from 0. */
  index: number;
  /** Stable name within the sweep: `c00`, `c01`, … (it names the runs and the jobs). */
  id: string;
  params: TrialParams;
}

/** `c07` for index 7 (two digits at least, so that names sort). */
export function formatConfigurationId(index: number): string {
  return `c${String(index).padStart(2, '0')}`;
}

/** A value rounded to 4 significant digits, so that tables and names read well and replay exactly. */
export function roundValue(value: number, integer: boolean): number {
  if (integer) return Math.round(value);
  return Number(value.toPrecision(4));
}

/** A stable text key of a configuration's parameters, to find duplicates. */
export function keyOfParams(params: TrialParams): string {
  return JSON.stringify(Object.entries(params).sort(([a], [b]) => (a < b ? -1 : 1)));
}
