import { getPreset } from '@fmnist/models';
import type { ExperimentTask } from '@fmnist/runs';
import { listProducts } from '../measure-floor.js';
import { planNativeNetwork } from '../plan-native-network.js';

/**
 * What a dropout draw costs, in multiply-adds of the step's products: model 5 (model 2's products
 * plus 156,800 draws a step) takes 1.2–1.7× model 2's epoch on the fused step (measured at 1 and 2
 * threads), ~100 multiply-adds a draw.
 */
const DRAW_WORK = 100;

/** A preset's work per image of a training step: its products' multiply-adds and its dropout draws. */
function workPerImage(preset: string): number {
  const planned = planNativeNetwork(getPreset(preset));
  if (!planned.ok) return 0;
  const { desc, rates } = planned.plan;
  const products = listProducts(planned.plan, 1).reduce((sum, p) => sum + p.m * p.n * p.k, 0);
  let draws = 0;
  rates.forEach((rate, layer) => {
    // A dropout layer draws a number per input value; its desc row starts kind, ih, iw, ic.
    const [, ih = 1, iw = 1, ic = 1] = desc.subarray(layer * 12, layer * 12 + 4);
    if (rate > 0) draws += ih * iw * ic;
  });
  return products + DRAW_WORK * draws;
}

/**
 * The tasks, longest first (stable among equals), so that `jobs` slots end together: the notebook
 * suite's dropout and deep runs are its longest, and started last they left one slot idle for the
 * final minute (182 s against ~160 s longest first on 2 cores, measured). The work is estimated from
 * each preset's step (its products and dropout draws); runs of one experiment share epochs and batch.
 */
export function longestFirst(tasks: readonly ExperimentTask[]): ExperimentTask[] {
  const work = new Map<string, number>();
  const workOf = (preset: string) => {
    if (!work.has(preset)) work.set(preset, workPerImage(preset));
    return work.get(preset) as number;
  };
  return [...tasks].sort((a, b) => workOf(b.run.preset) - workOf(a.run.preset));
}
