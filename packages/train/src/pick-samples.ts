import { encodeBase64, type LabeledImages } from '@fmnist/dataset';
import type { RunSample } from '@fmnist/metrics';

/** Options of {@link pickSamples}. */
export interface PickSamplesOptions {
  /** How many of the most confidently wrong images; default 24. */
  mistakes?: number;
  /** Up to this many images for every cell of the confusion matrix; default 6. */
  perCell?: number;
}

/**
 * The sample images a run record keeps: the most confidently wrong ones, and the first few of
 * every (true, predicted) cell, so that a click on any confusion-matrix cell can show examples.
 */
export function pickSamples(
  split: LabeledImages,
  predictions: Uint8Array,
  probabilities: Float32Array,
  options: PickSamplesOptions = {},
): RunSample[] {
  const numClasses = probabilities.length / split.count;
  const pixels = split.shape[0] * split.shape[1];
  const sample = (index: number, kind: RunSample['kind']): RunSample => ({
    index,
    label: split.labels[index] as number,
    predicted: predictions[index] as number,
    probabilities: Array.from(
      probabilities.subarray(index * numClasses, (index + 1) * numClasses),
      (p) => Number(p.toFixed(6)),
    ),
    pixels: encodeBase64(split.images.subarray(index * pixels, (index + 1) * pixels)),
    kind,
  });

  const wrong: number[] = [];
  for (let i = 0; i < split.count; i++) if (predictions[i] !== split.labels[i]) wrong.push(i);
  const confidence = (i: number) =>
    probabilities[i * numClasses + (predictions[i] as number)] as number;
  wrong.sort((a, b) => confidence(b) - confidence(a) || a - b);
  const samples = wrong.slice(0, options.mistakes ?? 24).map((i) => sample(i, 'mistake'));

  const perCell = options.perCell ?? 6;
  const filled = new Map<number, number>();
  for (let i = 0; i < split.count; i++) {
    const cell = (split.labels[i] as number) * numClasses + (predictions[i] as number);
    const n = filled.get(cell) ?? 0;
    if (n < perCell) {
      filled.set(cell, n + 1);
      samples.push(sample(i, 'cell'));
    }
  }
  return samples;
}
