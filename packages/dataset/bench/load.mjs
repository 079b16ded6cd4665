// Cold vs warm loadFashionMnist vs Python's gzip + NumPy, measured side by side in one run.
// Runs on the built package: `pnpm --filter @fmnist/dataset build && pnpm --filter @fmnist/dataset bench`.
// BENCH_RUNS sets the number of runs per measurement (default 7, at least 5 are sensible).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadFashionMnist } from '../dist/index.js';

const SYSTEM = '/usr/share/datasets/fashion-mnist';
const PYTHON = '/usr/bin/python3';
const FILES = [
  ['train-images-idx3-ubyte', 16],
  ['train-labels-idx1-ubyte', 8],
  ['t10k-images-idx3-ubyte', 16],
  ['t10k-labels-idx1-ubyte', 8],
];
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 7));

if (!existsSync(SYSTEM)) {
  console.log(
    `bench skipped: no system copy at ${SYSTEM} (install it with: sudo apt-get install dataset-fashion-mnist)`,
  );
  process.exit(0);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => `${x.toFixed(1).padStart(7)} ms`;

const root = await mkdtemp(join(tmpdir(), 'fmnist-bench-'));
try {
  const options = (cacheHome, extra = {}) => ({
    env: { XDG_CACHE_HOME: cacheHome },
    systemDirs: [SYSTEM],
    download: false,
    ...extra,
  });
  const time = async (fn) => {
    const start = performance.now();
    const data = await fn();
    return { ms: performance.now() - start, data };
  };

  // Warm up the JIT and the OS page cache for the system files once, untimed.
  await loadFashionMnist(options(join(root, 'warmup'), { cache: false }));

  const cold = [];
  const coldNoWrite = [];
  const warm = [];
  let warmCache;
  for (let i = 0; i < runs; i += 1) {
    const home = join(root, `cold-${i}`);
    const c = await time(() => loadFashionMnist(options(home)));
    if (c.data.source.kind !== 'system' || !c.data.verified)
      throw new Error('cold load not from the system copy');
    cold.push(c.ms);
    const n = await time(() =>
      loadFashionMnist(options(join(root, `nowrite-${i}`), { cache: false })),
    );
    coldNoWrite.push(n.ms);
    warmCache = home;
  }
  for (let i = 0; i < runs; i += 1) {
    const w = await time(() => loadFashionMnist(options(warmCache)));
    if (w.data.source.kind !== 'cache' || !w.data.verified)
      throw new Error('warm load not from the cache');
    warm.push(w.ms);
  }

  // The floor for a warm load: just reading the same four raw files.
  const readOnly = [];
  for (let i = 0; i < runs; i += 1) {
    const r = await time(() =>
      Promise.all(FILES.map(([name]) => readFile(join(warmCache, 'fmnist', name)))),
    );
    readOnly.push(r.ms);
  }

  const script = `
import gzip, json, sys, time
import numpy as np
files, cache, runs = json.loads(sys.argv[1]), sys.argv[2], int(sys.argv[3])
def load_gz():
    return [np.frombuffer(gzip.open(f"${SYSTEM}/{name}.gz").read(), np.uint8, offset=off) for name, off in files]
def load_raw():
    return [np.fromfile(f"{cache}/{name}", np.uint8, offset=off) for name, off in files]
out = {}
for label, fn in (("gz", load_gz), ("raw", load_raw)):
    fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter(); arrays = fn(); times.append((time.perf_counter() - t) * 1000)
    assert arrays[0].size == 47040000 and arrays[3].size == 10000
    out[label] = times
print(json.dumps(out))
`;
  let python;
  if (existsSync(PYTHON)) {
    try {
      python = JSON.parse(
        execFileSync(
          PYTHON,
          ['-c', script, JSON.stringify(FILES), join(warmCache, 'fmnist'), String(runs)],
          {
            encoding: 'utf8',
          },
        ),
      );
    } catch (error) {
      console.log(`python skipped: ${PYTHON} with numpy failed (${error.message.split('\n')[0]})`);
    }
  } else {
    console.log(`python skipped: no ${PYTHON}`);
  }

  const rows = [
    ['cold: system .gz → gunzip, sha256, decode, write warm copy', median(cold)],
    ['cold without writing the cache (cache: false)', median(coldNoWrite)],
    ['warm: raw IDX from the cache, stamp trusted (no gunzip, no hash)', median(warm)],
    ['node: readFile of the four cached raw files (55 MB), nothing else', median(readOnly)],
  ];
  if (python) {
    rows.push([
      'python: gzip.open(...).read() + np.frombuffer (no verification)',
      median(python.gz),
    ]);
    rows.push(['python: np.fromfile of the cached raw files', median(python.raw)]);
  }
  console.log(
    `@fmnist/dataset load benchmark — Node ${process.version}, medians of ${runs} runs each\n`,
  );
  for (const [label, value] of rows) console.log(`${ms(value)}  ${label}`);
  console.log('');
  console.log(`cold / warm: ${(median(cold) / median(warm)).toFixed(1)}×`);
  console.log(`warm / plain readFile: ${(median(warm) / median(readOnly)).toFixed(2)}×`);
  if (python) {
    console.log(`cold / python gzip+numpy: ${(median(cold) / median(python.gz)).toFixed(2)}×`);
    console.log(
      `cold (no cache write) / python gzip+numpy: ${(median(coldNoWrite) / median(python.gz)).toFixed(2)}×`,
    );
    console.log(`warm / python gzip+numpy: ${(median(warm) / median(python.gz)).toFixed(2)}×`);
    console.log(
      `warm / python raw np.fromfile: ${(median(warm) / median(python.raw)).toFixed(2)}×`,
    );
  }
} finally {
  await rm(root, { recursive: true, force: true });
}
