// Do the native step and the tfjs path train the same models? Seeded runs of each notebook preset
// (default 20 epochs, seeds 0–4, batch 200, validation on the test set as the notebook) on both
// paths, through the CLI's `fmnist experiment notebook`, two trainings at a time; then a table of
// mean ± std test accuracy and loss per preset and path, the difference of the means and whether it
// is within the seeds' spread and within 0.3 points (issue 16's fidelity criterion).
//
// Usage (after `pnpm build`; CPU-heavy, ~20+ min on two cores: run it with `nice -n 10`):
//   node packages/train/bench/five-seed-paths.mjs [--epochs 20] [--seeds 5] [--jobs 2]
//        [--backends native,wasm] [--out /tmp/five-seed]
//   node packages/train/bench/five-seed-paths.mjs --from <experiment dir> <experiment dir>
//        (tabulate experiments already run, one per path, in that order)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';

const root = new URL('../../..', import.meta.url).pathname;
const bin = join(root, 'apps/cli/dist/bin.js');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
};
const THRESHOLD = 0.003; // 0.3 points of accuracy

/** The one experiment directory under `out` (a fresh directory per path). */
function experimentIn(out) {
  const dirs = readdirSync(out).filter((d) => existsSync(join(out, d, 'experiment.json')));
  if (dirs.length !== 1)
    throw new Error(`expected one experiment directory in ${out}, found ${dirs.length}`);
  return join(out, dirs[0]);
}

/** Run the notebook suite on one path; returns its experiment directory. */
function runPath(backend, { epochs, seeds, jobs, out }) {
  const dir = join(out, backend);
  mkdirSync(dir, { recursive: true });
  const command = [
    bin,
    'experiment',
    'notebook',
    '--epochs',
    String(epochs),
    '--seeds',
    String(seeds),
    '--seed',
    '0',
    '--jobs',
    String(jobs),
    '--backend',
    backend,
    '--out',
    dir,
  ];
  const load = loadavg()[0].toFixed(2);
  console.error(`$ node ${command.join(' ')}   (load ${load} at start)`);
  const started = performance.now();
  const run = spawnSync(process.execPath, command, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) throw new Error(`the ${backend} experiment exited with ${run.status}`);
  const seconds = (performance.now() - started) / 1000;
  console.error(`${backend}: ${seconds.toFixed(0)} s, load ${loadavg()[0].toFixed(2)} at the end`);
  return experimentIn(dir);
}

/** Per preset, the test accuracy and loss of every finished run of an experiment, by seed. */
function readRuns(experimentDir) {
  const record = JSON.parse(readFileSync(join(experimentDir, 'experiment.json'), 'utf8'));
  const byPreset = new Map();
  let backend;
  for (const run of record.runs) {
    const runRecord = JSON.parse(readFileSync(join(experimentDir, run.path, 'run.json'), 'utf8'));
    const test = runRecord.metrics?.test;
    if (runRecord.status !== 'completed' || !test) continue;
    backend ??= runRecord.environment?.backend?.name;
    const list = byPreset.get(run.preset) ?? [];
    list.push({ seed: run.seed, accuracy: test.accuracy, loss: test.loss });
    byPreset.set(run.preset, list);
  }
  return { backend: backend ?? '?', byPreset };
}

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** Sample standard deviation (n − 1). */
const std = (xs) =>
  xs.length < 2 ? 0 : Math.sqrt(xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1));
const pct = (x) => (100 * x).toFixed(2);

let dirs;
if (args.includes('--from')) {
  const at = args.indexOf('--from');
  dirs = args.slice(at + 1, at + 3).map((d) => resolve(d));
  if (dirs.length !== 2) throw new Error('--from takes two experiment directories');
} else {
  const settings = {
    epochs: Number(option('epochs', 20)),
    seeds: Number(option('seeds', 5)),
    jobs: Number(option('jobs', 2)),
    out: resolve(option('out', join(root, 'experiments/five-seed-paths'))),
  };
  dirs = option('backends', 'native,wasm')
    .split(',')
    .map((backend) => runPath(backend, settings));
}

const [a, b] = dirs.map(readRuns);
console.log(`paths: ${a.backend} (${dirs[0]}) against ${b.backend} (${dirs[1]})`);
console.log(
  '| preset | path | seeds | test accuracy % (mean ± std) | test loss (mean ± std) | Δ accuracy (points) | Δ loss | |Δ| ≤ 0.3 points | |Δ| ≤ larger std |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
let allAgree = true;
for (const [preset, runsA] of a.byPreset) {
  const runsB = b.byPreset.get(preset) ?? [];
  const accA = runsA.map((r) => r.accuracy);
  const accB = runsB.map((r) => r.accuracy);
  const lossA = runsA.map((r) => r.loss);
  const lossB = runsB.map((r) => r.loss);
  const diff = mean(accA) - mean(accB);
  const spread = Math.max(std(accA), std(accB));
  const agree = runsB.length > 0 && Math.abs(diff) <= THRESHOLD;
  allAgree &&= agree;
  const inSpread = Math.abs(diff) <= spread;
  const row = (path, runs, acc, loss) =>
    `| ${preset} | ${path} | ${runs.map((r) => r.seed).join(',')} | ${pct(mean(acc))} ± ${pct(std(acc))} | ${mean(loss).toFixed(4)} ± ${std(loss).toFixed(4)} |`;
  console.log(`${row(a.backend, runsA, accA, lossA)} | | | |`);
  console.log(
    `${row(b.backend, runsB, accB, lossB)} ${(100 * diff).toFixed(2)} | ${(mean(lossA) - mean(lossB)).toFixed(4)} | ${agree ? 'yes' : 'NO'} | ${inSpread ? 'yes' : 'no'} |`,
  );
}
console.log(
  allAgree
    ? 'every preset: means within 0.3 points'
    : 'some preset: means more than 0.3 points apart',
);
process.exitCode = allAgree ? 0 : 1;
