import { createHash } from 'node:crypto';
import type { LoadedDataset } from '@fmnist/dataset';
import type { TestLabels } from '@fmnist/metrics';

/**
 * A dataset's test labels with their sha256, as run records keep it (`predictions.labelsSha256`),
 * for McNemar comparisons of runs.
 */
export function readTestLabels(data: Pick<LoadedDataset, 'test'>): TestLabels {
  const labels = data.test.labels;
  return { labels, sha256: createHash('sha256').update(labels).digest('hex') };
}
