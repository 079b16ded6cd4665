import type { RunSample } from '@fmnist/metrics';

/** The record's sample images of one confusion-matrix cell (true `row`, predicted `col`), each test image once. */
export function samplesForCell(
  samples: readonly RunSample[],
  row: number,
  col: number,
): RunSample[] {
  const seen = new Set<number>();
  return samples.filter((sample) => {
    if (sample.label !== row || sample.predicted !== col || seen.has(sample.index)) return false;
    seen.add(sample.index);
    return true;
  });
}
