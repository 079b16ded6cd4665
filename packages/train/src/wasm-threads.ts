import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setThreadsCount } from '@tensorflow/tfjs-backend-wasm';

interface EmscriptenThreads {
  PThread?: { runningWorkers: NodeWorker[]; unusedWorkers: NodeWorker[] };
}
interface NodeWorker {
  unref(): void;
  terminate(): unknown;
}

/**
 * Start tfjs-backend-wasm's multithreaded build (XNNPACK on a pthread pool) under Node, where
 * tfjs 4.22 leaves it off (tensorflow/tfjs#3830) for three reasons, each bridged here only for
 * the duration of the start:
 * - it hands its worker and module scripts to Emscripten as `Blob` URLs, which Node's `Worker`
 *   cannot load: a stand-in `Blob` writes each script to a temporary file and
 *   `URL.createObjectURL` returns that file's path (the workers' own copy of it is patched too);
 * - the module script is the bundled factory's source, whose `require`s the bundler renamed:
 *   they are defined again at its top;
 * - it caps the pool at half the logical cores (for hyper-threads): `os.cpus` reports twice
 *   `threads` while it starts.
 * Returns the number of threads the backend runs on, or 0 when it did not start (the
 * single-threaded build can then be started as usual). tfjs is pinned to 4.22.0, whose scripts
 * these steps match.
 */
export async function startWasmThreads(threads: number): Promise<number> {
  const dir = mkdtempSync(join(os.tmpdir(), 'fmnist-wasm-'));
  let files = 0;
  class ScriptFile {
    readonly path: string;
    constructor(parts: string[]) {
      let text = parts.join('');
      if (text.startsWith('var WasmBackendModuleThreadedSimd')) {
        text = `var require$$0 = require('fs'), require$$1 = require('path'), require$$3 = require('perf_hooks'), require$$4 = require('os'), commonjsGlobal = globalThis;\n${text}`;
      } else {
        text += '\nURL.createObjectURL = (file) => file.path; URL.revokeObjectURL = () => {};\n';
      }
      this.path = join(dir, `script-${files++}.js`);
      writeFileSync(this.path, text);
    }
  }
  const saved = { Blob: globalThis.Blob, createObjectURL: URL.createObjectURL, cpus: os.cpus };
  const cpus = os.cpus();
  const reported = Array.from({ length: 2 * threads }, (_, i) => cpus[i % cpus.length]);
  globalThis.Blob = ScriptFile as unknown as typeof Blob;
  URL.createObjectURL = (file) => (file as unknown as ScriptFile).path;
  os.cpus = () => reported as os.CpuInfo[];
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', true);
  setThreadsCount(threads);
  let ready = false;
  try {
    ready = await tf.setBackend('wasm');
  } catch {
    ready = false;
  } finally {
    globalThis.Blob = saved.Blob;
    URL.createObjectURL = saved.createObjectURL;
    os.cpus = saved.cpus;
    rmSync(dir, { recursive: true, force: true });
  }
  if (ready) {
    // The pool's threads must not keep the process alive, and the idle workers only hold memory.
    const pool = (tf.backend() as unknown as { wasm: EmscriptenThreads }).wasm.PThread;
    for (const worker of pool?.runningWorkers ?? []) worker.unref();
    for (const worker of pool?.unusedWorkers.splice(0) ?? []) worker.terminate();
    return getThreadsCount();
  }
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  setThreadsCount(1);
  return 0;
}
