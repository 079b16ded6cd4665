import { NOTEBOOK_REFERENCE } from '@fmnist/metrics';

/** A horizontal line on the accuracy chart. */
export interface ReferenceLine {
  label: string;
  value: number;
}

/** Fashion-MNIST's published test accuracies that every chart shows. */
export const PUBLISHED_BASELINES: readonly ReferenceLine[] = [
  { label: 'SVC (published) 0.897', value: 0.897 },
  { label: 'MLPClassifier (published) 0.871', value: 0.871 },
  { label: 'human (published) 0.835', value: 0.835 },
];

/**
 * The reference lines for runs of these presets: the notebook's test accuracy of each preset
 * that has one (once per preset), then the published baselines.
 */
export function referenceLines(presets: readonly (string | undefined)[]): ReferenceLine[] {
  const table: Readonly<Record<string, { model: string; testAccuracy: number }>> =
    NOTEBOOK_REFERENCE;
  const lines: ReferenceLine[] = [];
  for (const preset of new Set(presets)) {
    const reference = preset === undefined ? undefined : table[preset];
    if (reference) {
      lines.push({
        label: `notebook ${reference.model} (${preset}) test ${reference.testAccuracy}`,
        value: reference.testAccuracy,
      });
    }
  }
  return [...lines, ...PUBLISHED_BASELINES];
}
