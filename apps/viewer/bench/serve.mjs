// The benchmark's server, in a process of its own so that its memory is measured alone. It
// listens as soon as the folders are listed (as `fmnist view` does) and prints two JSON lines:
// `{ url, startupMs }` then, once every run is read, `{ indexedMs }`.
//   node serve.mjs <runs dir> <experiments dir> [<summary cache file>]
import { startViewerServer } from '@fmnist/viewer';

const [runsDir, experimentsDir, cacheFile] = process.argv.slice(2);
const server = await startViewerServer({
  runsDir,
  experimentsDir,
  readInBackground: true,
  ...(cacheFile ? { cacheFile } : {}),
});
process.stdout.write(`${JSON.stringify({ url: server.url, startupMs: server.startupMs })}\n`);
process.stdout.write(`${JSON.stringify({ indexedMs: await server.indexed })}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
