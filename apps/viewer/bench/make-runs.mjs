// Writes realistic run directories for the viewer benchmark: whole RunRecords as @fmnist/train
// writes them (100 epochs of history, a 10-class report and confusion matrix, every test
// prediction, and ~300 sample images of 28×28 pixels with their probabilities), about 400 KB
// each, plus experiments that list them. Not stubs: the server reads, validates and
// summarises every byte of them.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const CLASSES = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];
const OPTIMIZERS = [
  (lr) => ({ name: 'adam', learningRate: lr, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }),
  (lr) => ({ name: 'rmsprop', learningRate: lr, rho: 0.9, momentum: 0, epsilon: 1e-7 }),
  (lr) => ({ name: 'sgd', learningRate: lr * 10, momentum: 0.9, nesterov: false }),
];

/** A small deterministic random generator (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function record(i, rand) {
  const lr = [0.0001, 0.0003, 0.001, 0.003][i % 4];
  const optimizer = OPTIMIZERS[Math.floor(i / 4) % 3](lr);
  const dropout = [0, 0.2, 0.5][Math.floor(i / 12) % 3];
  const batchSize = [64, 128, 200][Math.floor(i / 36) % 3];
  const seed = i % 5;
  const epochs = 100;
  const history = Array.from({ length: epochs }, (_, e) => {
    const t = (e + 1) / epochs;
    return {
      epoch: e + 1,
      loss: 0.9 * Math.exp(-3 * t) + 0.2 + rand() * 0.01,
      accuracy: 0.7 + 0.25 * (1 - Math.exp(-3 * t)) + rand() * 0.005,
      valLoss: 0.8 * Math.exp(-2 * t) + 0.3 + rand() * 0.02,
      valAccuracy: 0.7 + 0.19 * (1 - Math.exp(-3 * t)) + rand() * 0.01,
      seconds: 2 + rand(),
    };
  });
  const matrix = CLASSES.map((_, r) =>
    CLASSES.map((_, c) => (r === c ? 850 + Math.floor(rand() * 100) : Math.floor(rand() * 15))),
  );
  const classes = CLASSES.map((name, k) => {
    const tp = matrix[k][k];
    const support = matrix[k].reduce((a, b) => a + b, 0);
    const predicted = matrix.reduce((a, row) => a + row[k], 0);
    const precision = tp / predicted;
    const recall = tp / support;
    return {
      label: k,
      name,
      precision,
      recall,
      f1: (2 * precision * recall) / (precision + recall),
      support,
    };
  });
  const total = classes.reduce((a, c) => a + c.support, 0);
  const mean = (key) => classes.reduce((a, c) => a + c[key], 0) / classes.length;
  const weighted = (key) => classes.reduce((a, c) => a + c[key] * c.support, 0) / total;
  const accuracy = matrix.reduce((a, row, k) => a + row[k], 0) / total;
  const pixels = () =>
    Buffer.from(Uint8Array.from({ length: 784 }, () => Math.floor(rand() * 256))).toString(
      'base64',
    );
  const probabilities = (top) => {
    const p = Array.from({ length: 10 }, () => rand() * 0.05);
    p[top] = 1 - p.reduce((a, b) => a + b, 0) + p[top];
    return p;
  };
  const samples = [];
  for (let k = 0; k < 40; k++) {
    const label = k % 10;
    const predicted = (k + 3) % 10;
    samples.push({
      index: k * 97,
      label,
      predicted,
      probabilities: probabilities(predicted),
      pixels: pixels(),
      kind: 'mistake',
    });
  }
  for (let r = 0; r < 10; r++) {
    for (let c = 0; c < 10; c++) {
      const n = r === c ? 6 : Math.min(2, matrix[r][c]);
      for (let k = 0; k < n; k++) {
        samples.push({
          index: 5000 + r * 100 + c * 6 + k,
          label: r,
          predicted: c,
          probabilities: probabilities(c),
          pixels: pixels(),
          kind: 'cell',
        });
      }
    }
  }
  const last = history.at(-1);
  return {
    schemaVersion: 1,
    id: `bench-${i}`,
    name: `mlp-${optimizer.name}-lr${lr}-d${dropout}-s${seed}`,
    preset: `mlp-${optimizer.name}`,
    status: 'completed',
    createdAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(),
    finishedAt: new Date(Date.UTC(2025, 0, 1, 1, i)).toISOString(),
    spec: {
      name: `mlp-${optimizer.name}`,
      inputShape: [784],
      layers: [
        ...(dropout > 0 ? [{ type: 'dropout', rate: dropout }] : []),
        ...[128, 64, 64, 32].map((units) => ({
          type: 'dense',
          units,
          activation: 'relu',
          useBias: true,
        })),
        { type: 'dense', units: 10, activation: 'softmax', useBias: true },
      ],
      optimizer,
      loss: 'categoricalCrossentropy',
    },
    config: { epochs, batchSize, validation: { mode: 'holdout', size: 0.1 }, seed },
    environment: {
      backend: { name: 'tensorflow', reason: 'tfjs-node loaded' },
      passedOver: [],
      tfjs: '4.22.0',
      node: 'v20.20.0',
      cpu: 'bench',
    },
    data: {
      source: { kind: 'system', location: '/usr/share/datasets/fashion-mnist' },
      verified: true,
      train: 54000,
      validation: 6000,
      test: 10000,
    },
    history,
    metrics: {
      train: { loss: last.loss - 0.03, accuracy: last.accuracy + 0.01 },
      validation: { loss: last.valLoss, accuracy: last.valAccuracy },
      test: { loss: last.valLoss + 0.01, accuracy },
    },
    classificationReport: {
      classes,
      accuracy,
      macroAvg: {
        precision: mean('precision'),
        recall: mean('recall'),
        f1: mean('f1'),
        support: total,
      },
      weightedAvg: {
        precision: weighted('precision'),
        recall: weighted('recall'),
        f1: weighted('f1'),
        support: total,
      },
      support: total,
    },
    confusionMatrix: matrix,
    classNames: CLASSES,
    samples,
    predictions: {
      split: 'test',
      labelsSha256: '0'.repeat(64),
      predicted: Buffer.from(
        Uint8Array.from({ length: 10000 }, () => Math.floor(rand() * 10)),
      ).toString('base64'),
    },
  };
}

/**
 * A copy of a real record (one @fmnist/train wrote) as bench run `i`: its own id, name, time,
 * learning rate and seed, everything else — history, report, matrix, samples, predictions — as
 * trained.
 */
function fromTemplate(template, i) {
  const factor = [0.3, 1, 3, 10][i % 4];
  const optimizer = template.spec.optimizer;
  return {
    ...template,
    id: `bench-${i}`,
    name: `${template.name}-b${i}`,
    createdAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(),
    finishedAt: new Date(Date.UTC(2025, 0, 1, 1, i)).toISOString(),
    spec: {
      ...template.spec,
      optimizer: { ...optimizer, learningRate: (optimizer.learningRate ?? 0.001) * factor },
    },
    config: { ...template.config, seed: i % 5 },
  };
}

/**
 * Write `count` runs under `root/runs` and `count / 100` experiments under `root/experiments`,
 * each listing 100 of them. With `templates` (parsed run.json files of real training runs),
 * every run is a copy of one of them; else a generated record of the same shape. Returns the
 * total bytes of the run.json files.
 */
export async function makeRuns(root, count, templates = []) {
  const rand = random(42);
  let bytes = 0;
  const dirs = [];
  for (let i = 0; i < count; i++) {
    const dir = join(root, 'runs', `run-${String(i).padStart(4, '0')}-20250101-000000`);
    await mkdir(join(dir, 'model'), { recursive: true });
    const text = JSON.stringify(
      templates.length > 0 ? fromTemplate(templates[i % templates.length], i) : record(i, rand),
    );
    bytes += text.length;
    await writeFile(join(dir, 'run.json'), text);
    await writeFile(join(dir, 'model', 'model.json'), '{"modelTopology":{},"weightsManifest":[]}');
    dirs.push(dir);
  }
  for (let e = 0; e < Math.ceil(count / 100); e++) {
    const dir = join(root, 'experiments', `sweep-${e}-20250101-000000`);
    await mkdir(dir, { recursive: true });
    const runs = dirs.slice(e * 100, e * 100 + 100).map((d, k) => ({
      preset: 'mlp-adam',
      seed: k % 5,
      path: `../../runs/${d.split('/').at(-1)}`,
      status: 'completed',
    }));
    await writeFile(
      join(dir, 'experiment.json'),
      JSON.stringify({
        schemaVersion: 1,
        id: `sweep-${e}`,
        suite: 'lr-sweep',
        createdAt: '2025-01-01T00:00:00.000Z',
        status: 'completed',
        runs,
        rows: [],
        references: {},
      }),
    );
  }
  return bytes;
}
