import { createHash } from 'node:crypto';
import type { TestLabels } from '@fmnist/metrics';

/**
 * The sha256 (lowercase hex) of a split's labels, one byte each: what a run record keeps as
 * `predictions.labelsSha256`, so that runs are only compared on the same test set.
 */
export function hashLabels(labels: Uint8Array): string {
  return createHash('sha256').update(labels).digest('hex');
}

/** A split's labels with their {@link hashLabels}, as McNemar comparisons of runs take them. */
export function toTestLabels(labels: Uint8Array): TestLabels {
  return { labels, sha256: hashLabels(labels) };
}
