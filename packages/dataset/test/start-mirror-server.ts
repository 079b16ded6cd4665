// A real HTTP server on 127.0.0.1 (port 0) that plays good and bad dataset mirrors, for tests.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { TinyDataset } from '../src/testing.js';

/** How a mirror under `/<behaviour>/` answers every file request. */
export type MirrorBehaviour =
  | 'good' // the right .gz file
  | 'corrupt' // a valid .gz of the wrong content (checksum mismatch)
  | 'garbage' // bytes that are not gzip at all
  | 'truncated' // Content-Length of the whole file, half of it sent, then the connection cut
  | 'slow' // headers and a few bytes, then silence
  | 'error500' // HTTP 500
  | 'missing' // HTTP 404
  | 'flaky'; // HTTP 503 for the first two requests of each file, then good

export interface MirrorServer {
  /** Base URL of a mirror with the given behaviour, ending in `/`. */
  url(behaviour: MirrorBehaviour): string;
  /** Requests received, by path. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

export async function startMirrorServer(dataset: TinyDataset): Promise<MirrorServer> {
  const gz = new Map<string, Buffer>();
  for (const [role, file] of Object.entries(dataset.manifest.files)) {
    gz.set(file.fileName, gzipSync(dataset.contents[role as keyof TinyDataset['contents']]));
  }
  const wrong = gzipSync(Buffer.from('not the dataset you are looking for'));
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    const count = (hits.get(path) ?? 0) + 1;
    hits.set(path, count);
    const [, behaviour = '', name = ''] = path.split('/');
    const body = gz.get(name.replace(/\.gz$/, ''));
    if (body === undefined || behaviour === 'missing') {
      res.writeHead(404).end('not found');
      return;
    }
    const send = (bytes: Buffer) =>
      res.writeHead(200, { 'content-length': String(bytes.length) }).end(bytes);
    switch (behaviour) {
      case 'good':
        send(body);
        return;
      case 'corrupt':
        send(wrong);
        return;
      case 'garbage':
        send(Buffer.alloc(body.length, 0x42));
        return;
      case 'truncated':
        res.writeHead(200, { 'content-length': String(body.length) });
        res.write(body.subarray(0, body.length >> 1), () => res.socket?.destroy());
        return;
      case 'slow':
        res.writeHead(200, { 'content-length': String(body.length) });
        res.write(body.subarray(0, 10));
        return;
      case 'error500':
        res.writeHead(500).end('boom');
        return;
      case 'flaky':
        if (count <= 2) res.writeHead(503).end('busy');
        else send(body);
        return;
      default:
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (behaviour) => `http://127.0.0.1:${port}/${behaviour}/`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
