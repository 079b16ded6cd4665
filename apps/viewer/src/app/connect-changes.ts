import type { IndexChange } from '../shared/viewer-index.js';

/** What the change stream tells the page. */
export interface ChangeHandlers {
  /** (Re)connected; the server's index is at `version`. */
  onHello(version: number): void;
  /** The index changed. */
  onChange(change: IndexChange): void;
  /** The connection dropped (the server stopped?); the browser retries by itself. */
  onLost(): void;
}

/**
 * Listen to the server's change stream (`api/events`, server-sent events). An idle page gets
 * a comment every 30 s and nothing else; the browser reconnects by itself when the server
 * comes back. Returns a function that closes the stream.
 */
export function connectChanges(handlers: ChangeHandlers): () => void {
  const source = new EventSource(new URL('api/events', document.baseURI));
  source.addEventListener('hello', (event) => {
    handlers.onHello(
      (JSON.parse((event as MessageEvent<string>).data) as { version: number }).version,
    );
  });
  source.addEventListener('change', (event) => {
    handlers.onChange(JSON.parse((event as MessageEvent<string>).data) as IndexChange);
  });
  source.addEventListener('error', () => {
    if (source.readyState !== EventSource.OPEN) handlers.onLost();
  });
  return () => source.close();
}
