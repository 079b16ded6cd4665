import { CLASS_NAMES } from '../load/class-names.js';
import type { LabeledImages } from '../load/labeled-images.js';

/** How many images of each class a split holds. */
export function countClasses(split: LabeledImages, numClasses = CLASS_NAMES.length): number[] {
  const counts = new Array<number>(numClasses).fill(0);
  for (const label of split.labels) counts[label] = (counts[label] ?? 0) + 1;
  return counts;
}
