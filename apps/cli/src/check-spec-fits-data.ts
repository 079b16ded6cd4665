import type { LabeledImages } from '@fmnist/dataset';
import type { ModelSpec } from '@fmnist/models';
import { displayPath } from './display-path.js';
import { failure } from './errors.js';

const product = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

function largestLabel(set: LabeledImages): number {
  let largest = 0;
  for (const label of set.labels) if (label > largest) largest = label;
  return largest;
}

/**
 * Check that a spec can train on this data before a run directory is made: its input takes one
 * image's pixels, and its last layer has an output for every label. Without this, a spec for
 * 10×10 images reads the data misaligned, and 5 outputs for 10 classes train to nonsense.
 *
 * @throws {CliError} saying which spec field to change, and to what.
 */
export function checkSpecFitsData(
  spec: ModelSpec,
  data: { train: LabeledImages; test: LabeledImages; source: { location: string } },
): void {
  const [rows = 0, cols = 0] = data.train.shape;
  const pixels = rows * cols;
  const takes = product(spec.inputShape);
  if (takes !== pixels) {
    throw failure(
      `the spec's inputShape [${spec.inputShape.join(', ')}] takes ${takes} values per image, but the images in ${displayPath(data.source.location)} are ${rows}×${cols} = ${pixels} pixels`,
      `Set "inputShape": [${pixels}] in the spec (or [${rows}, ${cols}, 1] for convolutions).`,
    );
  }
  const last = spec.layers.at(-1);
  const classes = Math.max(largestLabel(data.train), largestLabel(data.test)) + 1;
  if (last?.type === 'dense' && last.units < classes) {
    throw failure(
      `the spec's last layer has ${last.units} outputs, but the labels of ${displayPath(data.source.location)} go up to ${classes - 1}: ${classes} classes`,
      `Set the last layer's "units" to ${classes}.`,
    );
  }
}
