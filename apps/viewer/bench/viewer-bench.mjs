// The viewer at scale: N realistic runs (default 1000) served by startViewerServer in a child
// process; Debian's chromium loads the page. Prints the server's start-up over the runs, the
// index size per run, first paint and time to the full Runs table on a warm server, the
// server's RSS, and the bytes an idle page receives in a minute.
//   pnpm --filter @fmnist/viewer bench [-- --runs 1000 --idle-seconds 60]
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { makeRuns } from './make-runs.mjs';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1000' },
    'idle-seconds': { type: 'string', default: '60' },
  },
});
const count = Number(values.runs);
const idleSeconds = Number(values['idle-seconds']);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const root = await mkdtemp(join(tmpdir(), 'fmnist-viewer-bench-'));
const child = { process: undefined };
try {
  const made = performance.now();
  const bytes = await makeRuns(root, count);
  console.log(
    `wrote ${count} runs, ${(bytes / count / 1024).toFixed(0)} KB of run.json each (${(bytes / 1e6).toFixed(0)} MB), in ${((performance.now() - made) / 1000).toFixed(1)} s`,
  );

  const spawned = performance.now();
  const server = spawn(
    process.execPath,
    [new URL('serve.mjs', import.meta.url).pathname, join(root, 'runs'), join(root, 'experiments')],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  child.process = server;
  const { url, startupMs } = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.setEncoding('utf8').on('data', (text) => {
      out += text;
      if (out.includes('\n')) resolve(JSON.parse(out));
    });
    server.on('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });
  const rss = async () => {
    const status = await readFile(`/proc/${server.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  };
  console.log(
    `server start-up over ${count} runs: ${(startupMs / 1000).toFixed(2)} s reading and summarising (${((performance.now() - spawned) / 1000).toFixed(2)} s to listening, node included); load ${load()}`,
  );

  const index = await (await fetch(new URL('api/index', url))).text();
  const unreadable = JSON.parse(index).runs.filter((run) => run.error !== undefined);
  if (unreadable.length > 0)
    throw new Error(`${unreadable.length} runs unreadable: ${unreadable[0].error}`);
  console.log(
    `GET /api/index: ${(index.length / 1024).toFixed(0)} KB, ${(index.length / count).toFixed(0)} bytes a run`,
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
  console.log(`server RSS after two page loads: ${(await rss()).toFixed(0)} MB`);

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
} finally {
  child.process?.kill('SIGTERM');
  await rm(root, { recursive: true, force: true });
}
