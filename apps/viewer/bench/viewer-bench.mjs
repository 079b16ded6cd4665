// The viewer at scale: N realistic runs (default 1000) served by startViewerServer in a child
// process; Debian's chromium loads the page. Prints, each with the load average at the time:
// the server's start-up over the runs (cold: every record read, validated and summarised; then
// a restart with the summary cache `fmnist view` keeps), the index size per run, first paint
// and time to the full Runs table on a warm server, the server's RSS, and what an idle page
// receives in a minute.
//   pnpm --filter @fmnist/viewer bench [-- --runs 1000 --idle-seconds 60 --templates <dir>]
// --templates: a folder holding run directories that fmnist trained (searched for run.json,
// e.g. an `fmnist experiment notebook` output); every bench run is then a copy of one of those
// real records that keep test samples (its own id, name, learning rate and seed). Without it, generated records of
// the same shape (100 epochs, every test prediction, ~300 samples).
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { makeRuns } from './make-runs.mjs';

const { values } = parseArgs({
  // pnpm passes the `--` of `pnpm bench -- --runs 10` through.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    runs: { type: 'string', default: '1000' },
    'idle-seconds': { type: 'string', default: '60' },
    templates: { type: 'string' },
  },
});

/** Every run.json under `dir`, parsed. */
async function readTemplates(dir) {
  const found = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name === 'run.json') {
      const path = join(entry.parentPath ?? entry.path, entry.name);
      const record = JSON.parse(await readFile(path, 'utf8'));
      // Whole records only: a sweep's trials, scored on the holdout alone, keep no test samples.
      if (record.status === 'completed' && record.samples?.length > 0) found.push(record);
    }
  }
  if (found.length === 0) throw new Error(`no completed run.json with samples under ${dir}`);
  return found;
}
const count = Number(values.runs);
const idleSeconds = Number(values['idle-seconds']);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const root = await mkdtemp(join(tmpdir(), 'fmnist-viewer-bench-'));
const child = { process: undefined };
const cacheFile = join(root, 'cache', 'index.json');

/** Start the server over the bench runs in a child process; resolves once it listens. */
async function startServer() {
  const spawned = performance.now();
  const server = spawn(
    process.execPath,
    [
      new URL('serve.mjs', import.meta.url).pathname,
      join(root, 'runs'),
      join(root, 'experiments'),
      cacheFile,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  child.process = server;
  const lines = [];
  let listeningMs = 0;
  const { url, startupMs, indexedMs } = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.setEncoding('utf8').on('data', (text) => {
      out += text;
      const done = out.split('\n').slice(0, -1);
      while (lines.length < done.length) {
        lines.push(JSON.parse(done[lines.length]));
        if (lines.length === 1) listeningMs = performance.now() - spawned;
      }
      if (lines.length >= 2) resolve({ ...lines[0], ...lines[1] });
    });
    server.on('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
  return { server, url, startupMs, indexedMs, listeningMs };
}

try {
  const templates = values.templates ? await readTemplates(values.templates) : [];
  const made = performance.now();
  const bytes = await makeRuns(root, count, templates);
  console.log(
    `wrote ${count} runs, ${(bytes / count / 1024).toFixed(0)} KB of run.json each (${(bytes / 1e6).toFixed(0)} MB), ${
      templates.length > 0
        ? `copies of ${templates.length} real records from ${values.templates}`
        : 'generated records'
    }, in ${((performance.now() - made) / 1000).toFixed(1)} s`,
  );

  let { server, url, startupMs, indexedMs, listeningMs } = await startServer();
  const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `server start-up over ${count} runs, cold: listening after ${seconds(startupMs)} (${seconds(listeningMs)} from spawn, node included), every record read, validated and summarised after ${seconds(indexedMs)} (files in the page cache: just written); load ${load()}`,
  );
  const rss = async () => {
    const status = await readFile(`/proc/${server.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  };
  console.log(`server RSS after start-up: ${(await rss()).toFixed(0)} MB`);

  const index = await (await fetch(new URL('api/index', url))).text();
  const unreadable = JSON.parse(index).runs.filter((run) => run.error !== undefined);
  if (unreadable.length > 0)
    throw new Error(`${unreadable.length} runs unreadable: ${unreadable[0].error}`);
  console.log(
    `GET /api/index: ${(index.length / 1024).toFixed(0)} KB, ${(index.length / count).toFixed(0)} bytes a run (experiments included)`,
  );

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const firstPaint = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(url);
    await page.waitForSelector('table.runs tbody tr', { timeout: 60_000 });
    const rows = performance.now() - started;
    // The table shows 100 rows at first; "Show all" draws every run.
    const clicked = performance.now();
    await page.click('#more-runs button:last-child');
    await page.waitForFunction(
      (n) => document.querySelectorAll('table.runs tbody tr').length === n,
      count,
      { timeout: 60_000 },
    );
    const table = performance.now() - clicked;
    // When chromium painted the Runs table's first rows (Element Timing of its count line).
    const painted = await page.evaluate(
      () =>
        new Promise((resolve) => {
          new PerformanceObserver((list) => {
            const entry = list.getEntries().find((e) => e.identifier === 'runs-table');
            if (entry) resolve(entry.renderTime || entry.loadTime);
          }).observe({ type: 'element', buffered: true });
          setTimeout(() => resolve(Number.NaN), 5000);
        }),
    );
    const fcp = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    );
    return { context, page, rows, table, fcp, painted };
  };
  // Warm the server (and chromium) once, then measure.
  await (await firstPaint()).context.close();
  const { context, page, rows, table, fcp, painted } = await firstPaint();
  console.log(
    `first paint (warm server, ${count} runs): first contentful paint ${fcp.toFixed(0)} ms, Runs table first painted at ${painted.toFixed(0)} ms (Element Timing, from navigation start), the page answering with its first 100 rows ${rows.toFixed(0)} ms after goto; "Show all" drew all ${count} rows in ${table.toFixed(0)} ms; load ${load()}`,
  );
  console.log(`server RSS after two page loads: ${(await rss()).toFixed(0)} MB; load ${load()}`);

  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let received = 0;
  let requests = 0;
  cdp.on('Network.dataReceived', (event) => {
    received += event.encodedDataLength || event.dataLength;
  });
  cdp.on('Network.requestWillBeSent', () => {
    requests += 1;
  });
  await page.waitForTimeout(idleSeconds * 1000);
  const perMinute = (received / idleSeconds) * 60;
  console.log(
    `idle page for ${idleSeconds} s: ${requests} requests, ${received} bytes received (${(perMinute / 1024).toFixed(2)} KB a minute); load ${load()}`,
  );
  console.log(`server RSS after the idle minute: ${(await rss()).toFixed(0)} MB`);
  await browser.close();

  // A restart over the same runs: the summaries come from the cache the first start wrote.
  await new Promise((done) => {
    server.once('exit', done);
    server.kill('SIGTERM');
  });
  ({ server, url, startupMs, indexedMs, listeningMs } = await startServer());
  const again = JSON.parse(await (await fetch(new URL('api/index', url))).text());
  console.log(
    `server start-up over ${count} runs, restarted with the summary cache: listening after ${seconds(startupMs)} (${seconds(listeningMs)} from spawn), every run listed after ${seconds(indexedMs)} (${again.runs.length} runs); load ${load()}`,
  );
  console.log(`server RSS after a cached start-up: ${(await rss()).toFixed(0)} MB`);
} finally {
  child.process?.kill('SIGTERM');
  await rm(root, { recursive: true, force: true });
}
