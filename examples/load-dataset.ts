// Load Fashion-MNIST with @fmnist/dataset alone — no tfjs, no other fmnist package.
// Run: npx tsx load-dataset.ts
//
// It looks in FMNIST_DATA_DIR, the user cache (~/.cache/fmnist), then Debian's copy
// (/usr/share/datasets/fashion-mnist, from `apt install dataset-fashion-mnist`), and downloads the
// four files from the official mirrors into the cache when none is found. Files are checked
// against the sha256 of Fashion-MNIST's decompressed content: `verified` says whether they matched.
import { CLASS_NAMES, countClasses, formatImageText, loadFashionMnist } from '@fmnist/dataset';

const data = await loadFashionMnist();
const verified = data.verified ? 'verified Fashion-MNIST' : 'not verified as Fashion-MNIST';
console.log(`${data.source.location} (${data.source.kind}; ${verified})`);
console.log(
  `${data.train.count} train / ${data.test.count} test images of ${data.train.shape.join('×')}`,
);
console.log(`train images per class: ${countClasses(data.train).join(' ')}`);

// Images are bytes (0–255), one after another; labels are class indices.
const [rows, cols] = data.test.shape;
const first = data.test.images.subarray(0, rows * cols);
const label = data.test.labels[0] ?? 0;
console.log(`\ntest[0]: ${label} ${CLASS_NAMES[label]}`);
console.log(formatImageText(first, { shape: [rows, cols] }));
