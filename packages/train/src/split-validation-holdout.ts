import { type LabeledImages, splitHoldout } from '@fmnist/dataset';
import { deriveSeed } from '@fmnist/models';

/**
 * The validation holdout {@link train} draws for `validation: { holdout: size }` with this seed: a
 * seeded, stratified split of the training set. Whoever needs the same examples (a sweep comparing
 * its trials on one holdout with McNemar) draws them here rather than repeat the rule.
 *
 * @param size below 1 a fraction, else a count of images.
 */
export function splitValidationHoldout(
  images: LabeledImages,
  size: number,
  seed: number,
): { train: LabeledImages; holdout: LabeledImages } {
  return splitHoldout(images, { size, seed: deriveSeed(seed, 2), stratify: true });
}
