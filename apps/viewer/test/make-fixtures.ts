import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { makeTinyImages } from '@fmnist/dataset/testing';
import type { ExperimentRecordInput, RunRecord } from '@fmnist/metrics';
import { getPreset } from '@fmnist/models';
import { createRun } from '@fmnist/runs';
import { selectBackend, train } from '@fmnist/train';
import { minimalSweep } from './minimal-sweep.js';

/** The name of the run that checks names are shown as text, never as HTML. */
export const XSS_NAME = '<img src=x onerror=alert(1)>';

/** What {@link makeFixtures} wrote. */
export interface Fixtures {
  runsDir: string;
  experimentsDir: string;
  /** A sweep (issue 20's layout: sweep.json listing its trials' run paths) over two sweep runs. */
  sweepsDir: string;
  /** Run directories of the two trained runs, and of the hand-made running one. */
  adamDir: string;
  sgdDir: string;
  liveDir: string;
  /** A copy of the adam run that validated on the test set (the notebook's way). */
  leakyDir: string;
  /** Four copies of the adam run with other learning rates, listed by a "sweep" experiment. */
  sweepDirs: string[];
  adam: RunRecord;
  sgd: RunRecord;
  experiment: ExperimentRecordInput;
}

/**
 * Real run directories written by @fmnist/train on tiny generated data (2 epochs each), a run
 * still being written (status running, no metrics), a malformed and a newer-schema run.json,
 * and a hand-written experiment.json over the two trained runs (`fmnist experiment` does not
 * exist yet; the record follows @fmnist/metrics' schema).
 */
export async function makeFixtures(root: string): Promise<Fixtures> {
  await selectBackend('wasm');
  const runsDir = join(root, 'runs');
  const experimentsDir = join(root, 'experiments');
  const data = { train: makeTinyImages(500, { seed: 1 }), test: makeTinyImages(300, { seed: 2 }) };
  const when = new Date('2025-01-01T12:00:00Z');
  const adamRun = await createRun(runsDir, 'mlp-adam', { now: when, lock: false });
  const adamDir = adamRun.dir;
  const adam = await train({
    spec: getPreset('mlp-adam'),
    preset: 'mlp-adam',
    data,
    epochs: 2,
    batchSize: 50,
    seed: 1,
    run: adamRun,
  });
  adam.model.dispose();
  const sgdRun = await createRun(runsDir, XSS_NAME, { now: when, lock: false });
  const sgdDir = sgdRun.dir;
  const sgd = await train({
    spec: getPreset('mlp-sgd'),
    preset: 'mlp-sgd',
    name: XSS_NAME,
    data,
    epochs: 2,
    batchSize: 50,
    seed: 2,
    run: sgdRun,
  });
  sgd.model.dispose();

  // A run still being written: what train() writes after its first epoch.
  const liveDir = join(runsDir, 'live-run-20250101-130000');
  await mkdir(liveDir, { recursive: true });
  const full = JSON.parse(await readFile(join(adamDir, 'run.json'), 'utf8')) as RunRecord;
  const {
    metrics: _m,
    classificationReport: _c,
    confusionMatrix: _cm,
    classNames: _n,
    samples: _s,
    finishedAt: _f,
    ...partial
  } = full;
  const live = {
    ...partial,
    id: 'live-run',
    name: 'live-run',
    status: 'running',
    history: full.history.slice(0, 1),
  };
  await writeFile(join(liveDir, 'run.json'), JSON.stringify(live, null, 2));

  const broken = join(runsDir, 'broken-20250101-140000');
  await mkdir(broken, { recursive: true });
  await writeFile(join(broken, 'run.json'), '{"schemaVersion": 1, "id": "broken", "name": ');
  const future = join(runsDir, 'future-20250101-150000');
  await mkdir(future, { recursive: true });
  await writeFile(join(future, 'run.json'), JSON.stringify({ ...full, schemaVersion: 99 }));

  // A run folder still being created: no run.json yet. Not an error.
  await mkdir(join(runsDir, 'making-20250101-170000'), { recursive: true });

  const leakyDir = join(runsDir, 'leaky-20250101-180000');
  await mkdir(leakyDir, { recursive: true });
  await writeFile(
    join(leakyDir, 'run.json'),
    JSON.stringify({
      ...full,
      id: 'leaky-run',
      name: 'leaky-run',
      config: { ...full.config, validation: { mode: 'test', leakage: true } },
      metrics: { ...full.metrics, validation: full.metrics?.test },
    }),
  );

  // A learning-rate sweep, written by hand (issue 20's sweep record does not exist yet).
  const sweepRoot = join(experimentsDir, 'lr-sweep-20250101-190000');
  const rates = [0.0001, 0.0003, 0.003, 0.01];
  const sweepDirs: string[] = [];
  for (const [i, rate] of rates.entries()) {
    const dir = join(sweepRoot, 'runs', `lr-${rate}`);
    await mkdir(dir, { recursive: true });
    const accuracy = 0.6 + 0.05 * i;
    const history = full.history.map((h) => ({
      ...h,
      valAccuracy: accuracy - 0.01,
      accuracy: accuracy + 0.02,
    }));
    await writeFile(
      join(dir, 'run.json'),
      JSON.stringify({
        ...full,
        id: `sweep-${i}`,
        name: `mlp-adam-lr-${rate}`,
        spec: {
          ...(full.spec as object),
          optimizer: { ...(full.spec as { optimizer: object }).optimizer, learningRate: rate },
        },
        history,
        metrics: {
          train: { loss: 0.5, accuracy: accuracy + 0.02 },
          validation: { loss: 0.6, accuracy: accuracy - 0.01 },
          test: { loss: 0.65, accuracy: accuracy - 0.02 },
        },
      }),
    );
    sweepDirs.push(dir);
  }
  await writeFile(
    join(sweepRoot, 'experiment.json'),
    JSON.stringify({
      schemaVersion: 1,
      id: 'lr-sweep-20250101-190000',
      suite: 'lr-sweep',
      createdAt: when.toISOString(),
      finishedAt: when.toISOString(),
      status: 'completed',
      runs: rates.map((rate) => ({
        preset: 'mlp-adam',
        seed: 1,
        path: `runs/lr-${rate}`,
        status: 'completed',
      })),
      rows: [],
      references: {},
    }),
  );

  const sweepsDir = join(root, 'sweeps');
  await mkdir(join(sweepsDir, 'grid-20250101-200000'), { recursive: true });
  await writeFile(
    join(sweepsDir, 'grid-20250101-200000', 'sweep.json'),
    JSON.stringify(
      minimalSweep(
        [rates[0], rates[3]].map((rate) => ({
          path: `../../experiments/lr-sweep-20250101-190000/runs/lr-${rate}`,
          params: { learningRate: rate },
        })),
      ),
    ),
  );

  const experimentDir = join(experimentsDir, 'notebook-20250101-160000');
  await mkdir(experimentDir, { recursive: true });
  const row = (record: RunRecord, seed: number) => ({
    preset: record.preset ?? '',
    seeds: [seed],
    trainLoss: record.metrics?.train?.loss ?? 0,
    trainAccuracy: record.metrics?.train?.accuracy ?? 0,
    testLoss: record.metrics?.test?.loss ?? 0,
    testAccuracy: record.metrics?.test?.accuracy ?? 0,
    seconds: record.history.reduce((sum, h) => sum + h.seconds, 0),
    std: { testAccuracy: 0.0123, trainAccuracy: 0.0045 },
  });
  const experiment: ExperimentRecordInput = {
    schemaVersion: 1,
    id: basename(experimentDir),
    suite: 'notebook',
    createdAt: when.toISOString(),
    finishedAt: when.toISOString(),
    status: 'completed',
    runs: [
      { preset: 'mlp-adam', seed: 1, path: `../../runs/${basename(adamDir)}`, status: 'completed' },
      { preset: 'mlp-sgd', seed: 2, path: `../../runs/${basename(sgdDir)}`, status: 'completed' },
    ],
    rows: [row(adam.record, 1), row(sgd.record, 2)],
    references: {
      'mlp-adam': {
        model: 'model 1',
        trainLoss: 0.0416,
        trainAccuracy: 0.9846,
        testLoss: 0.7687,
        testAccuracy: 0.8884,
      },
      'mlp-sgd': {
        model: 'model 3',
        trainLoss: 0.2309,
        trainAccuracy: 0.9159,
        testLoss: 0.3416,
        testAccuracy: 0.8831,
      },
    },
    summary: {
      'mlp-adam': {
        runs: 1,
        mean: { testAccuracy: adam.record.metrics?.test?.accuracy ?? 0 },
        std: { testAccuracy: 0.0123 },
      },
    },
    mcnemar: [{ a: 'mlp-adam', b: 'mlp-sgd', aRightBWrong: 12, aWrongBRight: 3, pValue: 0.0352 }],
  };
  await writeFile(join(experimentDir, 'experiment.json'), JSON.stringify(experiment, null, 2));
  return {
    runsDir,
    experimentsDir,
    sweepsDir,
    adamDir,
    sgdDir,
    liveDir,
    leakyDir,
    sweepDirs,
    adam: adam.record,
    sgd: sgd.record,
    experiment,
  };
}
