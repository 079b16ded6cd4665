import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { isInside, scanRecords } from './scan-records.js';
import { viewerDistDir } from './viewer-dist-dir.js';

/** Options of {@link startViewerServer}. */
export interface ViewerServerOptions {
  /** The folder whose sub-folders are run directories (`fmnist view`'s `./runs`). */
  runsDir: string;
  /** The folder whose sub-folders are experiment directories (`./experiments`). */
  experimentsDir: string;
  /** Default `127.0.0.1`: only this machine can connect. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
}

/** A running viewer server. */
export interface ViewerServer {
  /** The page's address, e.g. `http://127.0.0.1:41234/`. */
  url: string;
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

/** File names a run exposes: its record and its model's files, nothing else. */
const RUN_FILE = /^(run\.json|model\/[A-Za-z0-9_][A-Za-z0-9_.-]*)$/;

function send(
  res: ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
) {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

async function sendFile(res: ServerResponse, file: string, method: string): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return send(res, 404, 'not found');
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  if (method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((done) => {
    createReadStream(file)
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
 * the static app, `GET /api/index` (every run and experiment found, with its record JSON, or
 * what is wrong with it), and each run's run.json and model files at
 * `/api/runs/<encoded key>/<file>`. Requests cannot reach files outside the two folders.
 */
export async function startViewerServer(options: ViewerServerOptions): Promise<ViewerServer> {
  const { host = '127.0.0.1', port = 0 } = options;
  const appDir = viewerDistDir();
  let runDirs = new Map<string, string>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return send(res, 405, 'method not allowed');
    const url = new URL(req.url ?? '/', 'http://viewer.invalid');
    const path = url.pathname;
    if (path === '/api/index') {
      const scan = await scanRecords(options);
      runDirs = scan.runDirs;
      return send(res, 200, JSON.stringify(scan.index), TYPES['.json']);
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
      if (!RUN_FILE.test(file) || file.includes('..')) return send(res, 404, 'not found');
      if (!runDirs.has(key)) runDirs = (await scanRecords(options)).runDirs;
      const dir = runDirs.get(key);
      if (dir === undefined) return send(res, 404, 'no such run');
      const real = await realpath(join(dir, file)).catch(() => undefined);
      if (real === undefined || !isInside(dir, real)) return send(res, 404, 'not found');
      return sendFile(res, real, method);
    }
    if (path.startsWith('/api/')) return send(res, 404, 'not found');
    let relativePath: string;
    try {
      relativePath = decodeURIComponent(path === '/' ? '/index.html' : path);
    } catch {
      return send(res, 400, 'bad request');
    }
    const file = resolve(appDir, `.${normalize(`/${relativePath}`)}`);
    if (!isInside(appDir, file)) return send(res, 404, 'not found');
    return sendFile(res, file, method);
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
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
}
