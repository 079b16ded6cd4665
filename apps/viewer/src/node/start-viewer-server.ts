import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, normalize } from 'node:path';
import { RUN_FILES, statFileInside } from '@fmnist/runs';
import type { IndexChange } from '../shared/viewer-index.js';
import { hostName, isAllowedHost } from './check-host.js';
import { createRunIndex } from './create-run-index.js';
import { viewerDistDir } from './viewer-dist-dir.js';

/** Options of {@link startViewerServer}. */
export interface ViewerServerOptions {
  /** The folder whose sub-folders are run directories (`fmnist view`'s `./runs`). */
  runsDir: string;
  /** The folder whose sub-folders are experiment directories (`./experiments`). */
  experimentsDir: string;
  /** The folder whose sub-folders are sweeps (`./sweeps`, issue 20), each with a sweep.json (SweepRecord) naming its runs' paths. */
  sweepsDir?: string;
  /** Default `127.0.0.1`: only this machine can connect. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /**
   * Host names the server answers to besides `localhost`, `127.0.0.1` and `[::1]` (e.g. the
   * machine's name when serving on a LAN address). Requests naming any other host get 403.
   */
  allowedHosts?: readonly string[];
  /** Seconds between keep-alive comments on the change stream. Default 30. */
  heartbeatSeconds?: number;
  /**
   * A file to keep run summaries in between starts, so that a restart reads only the run.json
   * files that changed (`fmnist view` keeps one per folder under the user cache). Default: none.
   */
  cacheFile?: string;
  /**
   * Listen as soon as the folders are listed and read the runs after: the page shows them as
   * they are read, with "reading runs: n of N" (`fmnist view` does this). Default false: listen
   * once every run is read. It still waits up to `backgroundAfterMs` (default 1000) for the
   * reading, so that a few runs are all there when the page opens.
   */
  readInBackground?: boolean;
  /** See `readInBackground`. */
  backgroundAfterMs?: number;
}

/** A running viewer server. */
export interface ViewerServer {
  /** The page's address, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  /** How long the server took to listen, in milliseconds (reading every run included, unless `readInBackground`). */
  startupMs: number;
  /** Resolves with the milliseconds from the start until every run found at the start was read. */
  indexed: Promise<number>;
  /** Stop accepting connections and close the open ones. */
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.bin': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** A model file's name: letters, digits, `_`, `.` and `-`, not starting with a dot. */
const MODEL_FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** The files a run exposes: its record and its model's files, nothing else. */
const isServedRunFile = (file: string) =>
  file === RUN_FILES.record ||
  (file.startsWith(`${RUN_FILES.model}/`) &&
    MODEL_FILE_NAME.test(file.slice(RUN_FILES.model.length + 1)));

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

function send(
  res: ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...SECURITY_HEADERS });
  res.end(body);
}

/** Whether the request's If-None-Match names `etag` (then it gets 304). */
const matches = (req: IncomingMessage, etag: string) =>
  (req.headers['if-none-match'] ?? '')
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .includes(etag.replace(/^W\//, ''));

/**
 * Send `dir/file` when `@fmnist/runs`' rules allow it (its real path inside `dir`, a regular
 * file), with an ETag from its version. The file is opened without following a link or
 * blocking, so one swapped for a link or a pipe after the check is not read either.
 */
async function sendFileInside(
  req: IncomingMessage,
  res: ServerResponse,
  dir: string,
  file: string,
  method: string,
): Promise<void> {
  const found = await statFileInside(dir, file);
  if (!found.ok) return send(res, 404, 'not found');
  const etag = `"${found.version}"`;
  const headers = {
    'content-type': TYPES[extname(found.path)] ?? 'application/octet-stream',
    // Revalidated every time: a 304 when unchanged.
    'cache-control': 'no-cache',
    etag,
    ...SECURITY_HEADERS,
  };
  if (matches(req, etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  let handle: FileHandle;
  try {
    handle = await open(
      found.path,
      constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK,
    );
  } catch {
    return send(res, 404, 'not found');
  }
  const info = await handle.stat().catch(() => undefined);
  if (!info?.isFile()) {
    await handle.close();
    return send(res, 404, 'not found');
  }
  res.writeHead(200, { ...headers, 'content-length': info.size });
  if (method === 'HEAD') {
    await handle.close();
    res.end();
    return;
  }
  await new Promise<void>((done) => {
    handle
      .createReadStream({ end: Math.max(0, info.size - 1), autoClose: true })
      .on('error', () => {
        res.destroy();
        done();
      })
      .on('end', done)
      .pipe(res);
  });
}

/**
 * Serve the viewer and the runs and experiments under two folders over HTTP (node:http):
 * - the static app;
 * - `GET /api/index`: a summary of every run (≤ 2 KB each) and every experiment, cached and
 *   kept fresh by file events (ETag: a 304 when nothing changed);
 * - `GET /api/events`: server-sent events — `hello` with the index version on connecting,
 *   `change` with what changed, and a comment every 30 s: an idle page moves almost nothing;
 * - `GET /api/runs/<encoded key>/run.json` and `.../model/<file>`: a run's whole record and
 *   model files (ETag from the file's size and time).
 * Every request must name this machine in its `Host` header (or a name in `allowedHosts`),
 * so that no web page can reach the server by DNS rebinding; files are resolved with
 * `realpath` and must stay inside their run's directory, so nothing outside the two folders
 * can be read, through the index or otherwise.
 */
export async function startViewerServer(options: ViewerServerOptions): Promise<ViewerServer> {
  const { host = '127.0.0.1', port = 0, allowedHosts = [], heartbeatSeconds = 30 } = options;
  const appDir = viewerDistDir();
  const started = performance.now();
  const index = await createRunIndex(options);
  const startupMs = performance.now() - started;
  const indexed = index.ready.then(() => performance.now() - started);
  indexed.catch(() => undefined);
  const streams = new Set<ServerResponse>();
  const unsubscribe = index.subscribe((change: IndexChange) => {
    const message = `event: change\ndata: ${JSON.stringify(change)}\n\n`;
    for (const res of streams) res.write(message);
  });
  const heartbeat = setInterval(() => {
    for (const res of streams) res.write(': still here\n\n');
  }, heartbeatSeconds * 1000);
  heartbeat.unref();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!isAllowedHost(req.headers.host, allowedHosts)) {
      const name = hostName(req.headers.host) ?? '(none)';
      return send(
        res,
        403,
        `this fmnist viewer answers only to localhost, 127.0.0.1 and [::1]${allowedHosts.length ? ` and ${allowedHosts.join(', ')}` : ''}, not to the host ${name}: start it with fmnist view --allow-host ${name} if that name is yours`,
      );
    }
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return send(res, 405, 'method not allowed');
    const url = new URL(req.url ?? '/', 'http://viewer.invalid');
    const path = url.pathname;
    if (path === '/api/index') {
      const current = index.current();
      const etag = `W/"index-${current.version}"`;
      const headers = {
        'content-type': TYPES['.json'],
        'cache-control': 'no-cache',
        etag,
        ...SECURITY_HEADERS,
      };
      if (matches(req, etag)) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      res.writeHead(200, headers);
      res.end(method === 'HEAD' ? undefined : JSON.stringify(current));
      return;
    }
    if (path === '/api/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        ...SECURITY_HEADERS,
      });
      res.write(
        `retry: 2000\nevent: hello\ndata: ${JSON.stringify({ version: index.current().version })}\n\n`,
      );
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    const runFile = /^\/api\/runs\/([^/]+)\/(.+)$/.exec(path);
    if (runFile) {
      let key: string;
      let file: string;
      try {
        key = decodeURIComponent(runFile[1] ?? '');
        file = decodeURIComponent(runFile[2] ?? '');
      } catch {
        return send(res, 400, 'bad request');
      }
      if (!isServedRunFile(file) || file.includes('..')) return send(res, 404, 'not found');
      let dir = index.runDir(key);
      if (dir === undefined) {
        await index.refresh();
        dir = index.runDir(key);
      }
      if (dir === undefined) return send(res, 404, 'no such run');
      return sendFileInside(req, res, dir, file, method);
    }
    if (path.startsWith('/api/')) return send(res, 404, 'not found');
    let relativePath: string;
    try {
      relativePath = decodeURIComponent(path === '/' ? '/index.html' : path);
    } catch {
      return send(res, 400, 'bad request');
    }
    return sendFileInside(req, res, appDir, `.${normalize(`/${relativePath}`)}`, method);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, `viewer server error: ${(error as Error).message}`);
      else res.destroy();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}/`,
    startupMs,
    indexed,
    close: () =>
      new Promise<void>((done, fail) => {
        unsubscribe();
        clearInterval(heartbeat);
        index.close();
        for (const res of streams) res.end();
        streams.clear();
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
}
