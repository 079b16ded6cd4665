// The benchmark's server, in a process of its own so that its memory is measured alone.
import { startViewerServer } from '@fmnist/viewer';

const [runsDir, experimentsDir] = process.argv.slice(2);
const server = await startViewerServer({ runsDir, experimentsDir });
process.stdout.write(`${JSON.stringify({ url: server.url, startupMs: server.startupMs })}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
