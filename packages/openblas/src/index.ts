import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** OpenBLAS through the addon: every function works on Float32Arrays in place. */
export interface OpenBlas {
  /**
   * `c = op(a) · op(b) + beta · c` in row-major order, where `op(a)` is `a` (m×k) or, with
   * `transposeA`, the transpose of `a` stored k×m; likewise `op(b)` is k×n. With `beta` 0 (the
   * default) `c` (m×n) is overwritten; 1 adds to it. Any Float32Array will do, including views of a
   * WebAssembly memory; the arrays may be longer than needed but not shorter (a `RangeError`).
   */
  sgemm(
    transposeA: boolean,
    transposeB: boolean,
    m: number,
    n: number,
    k: number,
    a: Float32Array,
    b: Float32Array,
    c: Float32Array,
    beta?: number,
  ): void;
  /** The threads OpenBLAS computes each product on (process-wide). */
  setThreads(threads: number): void;
  /** OpenBLAS's build configuration, e.g. `OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Zen MAX_THREADS=64`. */
  config(): string;
}

/** {@link loadOpenBlas}'s answer: the library, or why it cannot load and how to get it. */
export type OpenBlasStatus = { ok: true; blas: OpenBlas } | { ok: false; reason: string };

const ADDON = new URL('../build/Release/openblas.node', import.meta.url);
const HOW_TO_BUILD =
  'install a C compiler, make, Python 3 and OpenBLAS (Debian/Ubuntu: apt-get install g++ make ' +
  'python3 libopenblas-dev), then run `npm rebuild @fmnist/openblas` (pnpm: `pnpm rebuild ' +
  '@fmnist/openblas`; pnpm runs the build only if @fmnist/openblas is listed as true under ' +
  'allowBuilds in pnpm-workspace.yaml)';

let status: OpenBlasStatus | undefined;

/** Load the addon once; never throws. */
export function loadOpenBlas(): OpenBlasStatus {
  status ??= openAddon(ADDON);
  return status;
}

/** The addon at `file`, or why it does not load. (Exported for tests; use {@link loadOpenBlas}.) */
export function openAddon(file: URL): OpenBlasStatus {
  if (!existsSync(file)) {
    return { ok: false, reason: `the OpenBLAS addon is not built; to build it, ${HOW_TO_BUILD}` };
  }
  try {
    return { ok: true, blas: createRequire(import.meta.url)(file.pathname) as OpenBlas };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      reason: `the OpenBLAS addon does not load (${message}); to rebuild it, ${HOW_TO_BUILD}`,
    };
  }
}
