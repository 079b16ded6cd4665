import type { LoadedDataset } from '@fmnist/dataset';
import pc from 'picocolors';

/** The `Data: …` line of `fmnist train`: where the data is, whether it is verified, its sizes. */
export function describeData(data: LoadedDataset): string {
  const verified = data.verified
    ? 'verified Fashion-MNIST'
    : pc.yellow('not verified as Fashion-MNIST');
  return `${pc.bold('Data')}: ${data.source.location} (${data.source.kind}; ${verified}) — ${data.train.count} train / ${data.test.count} test images`;
}
