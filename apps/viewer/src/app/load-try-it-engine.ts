import { decodeBase64 } from '@fmnist/dataset/browser';
import type { TryItEngine } from '../shared/try-it-engine.js';
import { REPORT_ENGINE_ID } from '../shared/viewer-index.js';

let loading: Promise<TryItEngine> | undefined;

const engineOf = () => (globalThis as { fmnistTryIt?: TryItEngine }).fmnistTryIt;

/**
 * Add the Try-it engine (tfjs) to the page, once: from the report's embedded copy when there
 * is one, else from `assets/try-it.js` next to the page.
 */
export function loadTryItEngine(): Promise<TryItEngine> {
  loading ??= new Promise<TryItEngine>((resolve, reject) => {
    const done = () => {
      const engine = engineOf();
      if (engine) resolve(engine);
      else reject(new Error('the Try-it engine script ran but did not set up: reload the page'));
    };
    const script = document.createElement('script');
    const embedded = document.getElementById(REPORT_ENGINE_ID);
    if (embedded) {
      script.textContent = new TextDecoder().decode(decodeBase64(embedded.textContent ?? ''));
      document.head.appendChild(script);
      done();
      return;
    }
    script.src = new URL('assets/try-it.js', document.baseURI).href;
    script.addEventListener('load', done);
    script.addEventListener('error', () =>
      reject(new Error(`could not load ${script.src}: is the viewer server still running?`)),
    );
    document.head.appendChild(script);
  });
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
