import type { RunSample } from '@fmnist/metrics';

/** The record's most confidently wrong images, most confident first. */
export function mistakes(samples: readonly RunSample[]): RunSample[] {
  const confidence = (s: RunSample) => s.probabilities[s.predicted] ?? 0;
  return samples
    .filter((sample) => sample.kind === 'mistake')
    .sort((a, b) => confidence(b) - confidence(a));
}
