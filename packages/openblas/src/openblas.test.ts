import { execSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadOpenBlas, type OpenBlas, openAddon } from './index.js';

const status = loadOpenBlas();

function getBlas(): OpenBlas {
  // The addon is built by `pnpm install` where OpenBLAS is installed (scripts/setup.sh installs it).
  if (!status.ok) throw new Error(status.reason);
  return status.blas;
}

/** Seeded values in [-1, 1]. */
function values(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

/** op(a)·op(b) in double precision, the plain way. */
function reference(
  ta: boolean,
  tb: boolean,
  m: number,
  n: number,
  k: number,
  a: Float32Array,
  b: Float32Array,
) {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) {
        sum +=
          (a[ta ? p * m + i : i * k + p] as number) * (b[tb ? j * k + p : p * n + j] as number);
      }
      c[i * n + j] = sum;
    }
  }
  return c;
}

/** The largest difference, relative to the largest value of `expected`. */
function worstDifference(actual: Float32Array, expected: Float32Array): number {
  let scale = 1e-6;
  let worst = 0;
  expected.forEach((e, i) => {
    scale = Math.max(scale, Math.abs(e));
    worst = Math.max(worst, Math.abs((actual[i] as number) - e));
  });
  return worst / scale;
}

describe('@fmnist/openblas', () => {
  it('loads (the addon is built)', () => {
    expect(status.ok, status.ok ? '' : status.reason).toBe(true);
    expect(getBlas().config()).toMatch(/OpenBLAS/);
  });

  for (const [m, n, k] of [
    [1, 1, 1],
    [7, 5, 13],
    [200, 128, 784],
    [64, 3, 1],
    [3, 64, 300],
  ] as const) {
    for (const ta of [false, true]) {
      for (const tb of [false, true]) {
        it(`c = op(a)·op(b) for m ${m}, n ${n}, k ${k}, transposeA ${ta}, transposeB ${tb}`, () => {
          const a = values(m * k, m + 31 * k);
          const b = values(k * n, n + 17 * k);
          const c = new Float32Array(m * n).fill(Number.NaN); // overwritten, never read
          getBlas().sgemm(ta, tb, m, n, k, a, b, c);
          const expected = reference(ta, tb, m, n, k, a, b);
          for (let i = 0; i < c.length; i++) {
            expect(Math.abs((c[i] as number) - (expected[i] as number))).toBeLessThan(
              1e-4 * Math.sqrt(k),
            );
          }
        });
      }
    }
  }

  it('splits a product over threads of its own (sgemmSplit): what sgemm gives, to rounding', () => {
    const blas = getBlas();
    for (const [m, n, k] of [
      [200, 128, 784],
      [784, 128, 200],
      [7, 5, 13],
      [1, 3, 2],
    ] as const) {
      for (const ta of [false, true]) {
        for (const tb of [false, true]) {
          const a = values(m * k, m + k);
          const b = values(k * n, n);
          const whole = new Float32Array(m * n);
          blas.setThreads(1);
          blas.sgemm(ta, tb, m, n, k, a, b, whole);
          for (const threads of [1, 2, 3]) {
            const split = new Float32Array(m * n).fill(Number.NaN);
            blas.sgemmSplit(threads, ta, tb, m, n, k, a, b, split);
            expect(
              worstDifference(split, whole),
              `${m}×${n}×${k} ${ta} ${tb} on ${threads}`,
            ).toBeLessThan(1e-5);
          }
        }
      }
    }
    expect(() =>
      getBlas().sgemmSplit(
        0,
        false,
        false,
        1,
        1,
        1,
        values(1, 1),
        values(1, 2),
        new Float32Array(1),
      ),
    ).toThrow(/threads \(1 to 64\)/);
  });

  it('adds to c with beta 1', () => {
    const a = new Float32Array([1, 2, 3, 4]); // 2×2
    const b = new Float32Array([1, 0, 0, 1]);
    const c = new Float32Array([10, 20, 30, 40]);
    getBlas().sgemm(false, false, 2, 2, 2, a, b, c, 1);
    expect([...c]).toEqual([11, 22, 33, 44]);
    getBlas().sgemm(false, false, 2, 2, 0, a, b, c, 1); // an empty sum leaves c
    expect([...c]).toEqual([11, 22, 33, 44]);
    expect(() => getBlas().sgemm(false, false, 2, 2, 2, a, b, c, 'one' as never)).toThrow(/beta/);
  });

  it('gives zeros for an empty sum (k = 0) and does nothing for an empty result', () => {
    const c = new Float32Array(6).fill(Number.NaN);
    getBlas().sgemm(false, false, 2, 3, 0, new Float32Array(0), new Float32Array(0), c);
    expect([...c]).toEqual([0, 0, 0, 0, 0, 0]);
    getBlas().sgemm(
      false,
      false,
      0,
      3,
      2,
      new Float32Array(0),
      new Float32Array(6),
      new Float32Array(0),
    );
  });

  it('reads and writes views of WebAssembly memory in place, shared or not', () => {
    for (const shared of [false, true]) {
      const memory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared });
      const a = new Float32Array(memory.buffer, 16, 6);
      const b = new Float32Array(memory.buffer, 64, 6);
      const c = new Float32Array(memory.buffer, 128, 4);
      a.set([1, 2, 3, 4, 5, 6]); // 2×3
      b.set([1, 0, 0, 1, 1, 1]); // 3×2
      getBlas().sgemm(false, false, 2, 2, 3, a, b, c);
      expect([...new Float32Array(memory.buffer, 128, 4)]).toEqual([4, 5, 10, 11]);
    }
  });

  it('throws a RangeError, never reads out of bounds, when an array is too short or not float32', () => {
    const blas = getBlas();
    const f = (n: number) => new Float32Array(n);
    expect(() => blas.sgemm(false, false, 2, 2, 2, f(3), f(4), f(4))).toThrow(
      /a needs m\*k values/,
    );
    expect(() => blas.sgemm(false, false, 2, 2, 2, f(4), f(4), f(3))).toThrow(RangeError);
    expect(() =>
      blas.sgemm(false, false, 2, 2, 2, new Float64Array(4) as never, f(4), f(4)),
    ).toThrow(/Float32Arrays/);
    expect(() => blas.sgemm(false, false, -1, 2, 2, f(4), f(4), f(4))).toThrow(/whole numbers/);
    expect(() => blas.sgemm(false, false, 1.5, 2, 2, f(4), f(4), f(4))).toThrow(/whole numbers/);
    expect(() => blas.sgemm(false, false, 2 ** 40, 2, 2, f(4), f(4), f(4))).toThrow(
      /whole numbers/,
    );
    expect(() => (blas.sgemm as (...args: unknown[]) => void)(false, false, 2)).toThrow(
      /8 or 9 arguments/,
    );
    expect(() => blas.setThreads(0)).toThrow(RangeError);
    blas.setThreads(1);
  });

  it('says how to build the addon when it is missing or broken', () => {
    const dir = mkdtempSync(join(tmpdir(), 'openblas-'));
    const missing = openAddon(pathToFileURL(join(dir, 'openblas.node')));
    expect(missing.ok).toBe(false);
    expect(missing.ok ? '' : missing.reason).toMatch(
      /not built.*apt-get install .*libopenblas-dev.*then run: node ".*build\.mjs"/,
    );
    writeFileSync(join(dir, 'broken.node'), 'not a shared library');
    const broken = openAddon(pathToFileURL(join(dir, 'broken.node')));
    expect(broken.ok ? '' : broken.reason).toMatch(/does not load .*to rebuild it/);
  });

  it('prints a recovery command that builds the addon, run from anywhere', () => {
    // A copy of the package's build inputs, never built: what a failed install leaves.
    const root = fileURLToPath(new URL('..', import.meta.url));
    const copy = join(mkdtempSync(join(tmpdir(), 'openblas-rebuild-')), 'openblas');
    mkdirSync(join(copy, 'src'), { recursive: true });
    // What package.json's `files` ships for the build: binding.gyp, build.mjs, src/*.c, src/*.h.
    const sources = readdirSync(join(root, 'src')).filter((f) => /\.[ch]$/.test(f));
    for (const file of ['binding.gyp', 'build.mjs', ...sources.map((f) => `src/${f}`)]) {
      cpSync(join(root, file), join(copy, file));
    }
    const addon = pathToFileURL(join(copy, 'build', 'Release', 'openblas.node'));
    const before = openAddon(addon);
    expect(before.ok).toBe(false);
    const command = (before.ok ? '' : before.reason).match(/then run: (node ".*")$/)?.[1];
    expect(command).toBeDefined();
    // As a user would run it: another directory, no package manager around it.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !key.startsWith('npm_')),
    );
    execSync(command as string, { cwd: tmpdir(), env, stdio: 'pipe' });
    const after = openAddon(addon);
    expect(after.ok, after.ok ? '' : after.reason).toBe(true);
    if (!after.ok) return;
    const c = new Float32Array(1);
    after.blas.sgemm(false, false, 1, 1, 2, Float32Array.of(1, 2), Float32Array.of(3, 4), c);
    expect(c[0]).toBe(11);
  }, 120_000);
});
