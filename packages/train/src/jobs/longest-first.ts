import { getPreset } from '@fmnist/models';
import type { ExperimentTask } from '@fmnist/runs';
import { listProducts } from '../measure-floor.js';
import { LAYER, planLayers, planNativeNetwork } from '../plan-native-network.js';

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
  const products = listProducts(planned.plan, 1).reduce((sum, p) => sum + p.m * p.n * p.k, 0);
  // A dropout layer draws a number per input value.
  const draws = planLayers(planned.plan)
    .filter((layer) => layer.kind === LAYER.dropout && layer.rate > 0)
    .reduce((sum, layer) => sum + layer.ih * layer.iw * layer.ic, 0);
  return products + DRAW_WORK * draws;
}

/**
 * The tasks, longest first (stable among equals), so that `jobs` slots end together: the notebook
 * suite's dropout and deep runs are its longest, and started last they left one slot idle for its
 * final minute (the suite at 10 epochs, side by side: 24.6 → 22.1 s). The work is estimated from
 * each preset's step (its products and dropout draws); runs of one experiment share epochs and batch.
 */
export function longestFirst(tasks: readonly ExperimentTask[]): ExperimentTask[] {
  const work = new Map(tasks.map((task) => [task.run.preset, workPerImage(task.run.preset)]));
  const workOf = (task: ExperimentTask) => work.get(task.run.preset) ?? 0;
  return [...tasks].sort((a, b) => workOf(b) - workOf(a));
}
