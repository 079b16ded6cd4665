import type { LabeledImages } from '@fmnist/dataset';

/**
 * A small learnable stand-in for Fashion-MNIST (the same generator as
 * packages/train/test/make-data.ts): image i has class i % 10, drawn as a bright band whose row
 * depends on the class, plus seeded noise.
 */
export function makeImages(count: number, seed: number): LabeledImages {
  const images = new Uint8Array(count * 784);
  const labels = new Uint8Array(count);
  let s = seed >>> 0 || 1;
  const noise = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % 96;
  };
  for (let i = 0; i < count; i++) {
    const label = i % 10;
    labels[i] = label;
    for (let p = 0; p < 784; p++) {
      const row = Math.floor(p / 28);
      const band = row >= 2 + label * 2 && row < 4 + label * 2;
      images[i * 784 + p] = band ? 160 + noise() : noise();
    }
  }
  return { count, shape: [28, 28], images, labels };
}
