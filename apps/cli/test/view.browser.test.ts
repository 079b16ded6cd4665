// End to end: runs and an experiment written by the real binary, served by `fmnist view`, driven
// in Debian's chromium; then the `fmnist report --format html` file opened from disk.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createTinyDatasetDir } from '@fmnist/dataset/testing';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from './run-cli.js';

const RESULTS = fileURLToPath(new URL('../test-results/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let root: string;
let runDir: string;
let experimentDir: string;
let browser: Browser;
let server: { url: string; stop: () => void };

async function cli(args: string[]) {
  const result = await runCli(args);
  if (result.code !== 0) throw new Error(`fmnist ${args[0]} failed:\n${result.stderr}`);
  return result;
}

/** Start `fmnist view <dir>` and wait for the URL it prints. */
function startView(dir: string, extra: string[] = []): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [BIN, 'view', dir, ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // fmnist view keeps run summaries under the user cache: keep this test's in its folder.
    env: { ...process.env, XDG_CACHE_HOME: join(dir, '.cache') },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      out += text;
      const url = /http:\/\/127\.0\.0\.1:\d+\/?/.exec(out)?.[0];
      if (url) resolve({ url, stop: () => child.kill('SIGINT') });
    });
    child.on('exit', (code) => reject(new Error(`fmnist view exited with ${code}`)));
  });
}

/** A page that records console errors, uncaught errors and dialogs. */
async function openPage(url: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(url);
  await page.waitForSelector('main h1');
  return { page, problems, close: () => context.close() };
}

async function go(page: Page, view: string) {
  await page.evaluate((hash) => {
    location.hash = hash;
  }, `#${view}`);
  await page.waitForSelector(`nav a[data-view="${view}"][aria-current="page"]`);
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(RESULTS, `cli-${name}.png`), fullPage: true });

/** Every view of the viewer, checked on the standalone run. */
async function checkViews(page: Page, prefix: string, runKey: string | undefined) {
  expect(await page.locator('table.runs tbody tr').count()).toBeGreaterThanOrEqual(3);
  await shot(page, `${prefix}-runs`);
  await go(page, 'experiments');
  expect(await page.locator('table.comparison tbody tr').count()).toBe(2);
  await shot(page, `${prefix}-experiments`);
  await go(page, 'curves');
  await page.waitForSelector('figure.chart canvas');
  expect(await page.locator('figure.chart').count()).toBe(2);
  await shot(page, `${prefix}-curves`);
  await go(page, 'confusion');
  if (runKey) await page.selectOption('#run-picker', runKey);
  await page.waitForSelector('table.heatmap');
  expect(await page.locator('table.heatmap td.cell').count()).toBe(100);
  await page.click('button[data-row="3"][data-col="3"]');
  await page.waitForSelector('#cell-examples canvas.sample');
  await shot(page, `${prefix}-confusion`);
  // Served, a view fetches the run's whole record when it opens: wait for it.
  await go(page, 'report');
  await page.waitForSelector('table.report tbody tr');
  expect(await page.locator('table.report tbody tr').count()).toBe(12);
  await go(page, 'mistakes');
  await page.waitForSelector('ul.mistakes li.card canvas.sample');
  expect(await page.locator('ul.mistakes li.card canvas.sample').count()).toBeGreaterThan(0);
  await shot(page, `${prefix}-mistakes`);
  await go(page, 'try-it');
  await page.waitForSelector('#try-sample');
  await page.selectOption('#try-sample', '0');
  await page.waitForSelector('#predictions li', { timeout: 30_000 });
  expect(await page.locator('#predictions li').count()).toBe(3);
  await shot(page, `${prefix}-try-it`);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'fmnist-view-'));
  await mkdir(RESULTS, { recursive: true });
  const data = await createTinyDatasetDir({ train: 300, test: 100 });
  const common = ['--epochs', '2', '--batch-size', '50', '--data-dir', data];
  await cli(['train', '--preset', 'mlp-adam', '--out', join(root, 'runs'), ...common]);
  await cli([
    'experiment',
    'notebook',
    '--presets',
    'mlp-adam,mlp-sgd',
    '--jobs',
    '2',
    '--out',
    join(root, 'experiments'),
    ...common,
  ]);
  const [run] = await readdir(join(root, 'runs'));
  const [experiment] = await readdir(join(root, 'experiments'));
  runDir = join(root, 'runs', run ?? '');
  experimentDir = join(root, 'experiments', experiment ?? '');
  server = await startView(root);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.stop();
  await rm(root, { recursive: true, force: true });
});

describe('fmnist view and fmnist report --format html', () => {
  it('serves what the CLI wrote: every view, a heatmap click, a prediction, no console error', async () => {
    const { page, problems, close } = await openPage(server.url);
    const runKey = await page.locator('table.runs tbody tr').first().getAttribute('data-run');
    await checkViews(page, 'view', runKey ?? undefined);
    await close();
    expect(problems).toEqual([]);
  }, 120_000);

  it('writes one HTML file that shows the same views from disk, with no server', async () => {
    const file = join(RESULTS, 'cli-report.html');
    await cli(['report', runDir, experimentDir, '--format', 'html', '--out', file]);
    const { page, problems, close } = await openPage(pathToFileURL(file).href);
    await checkViews(page, 'html', undefined);
    await close();
    expect(problems).toEqual([]);
  }, 120_000);

  it('serves a folder of runs itself without reading runs as experiments, and answers only its hosts', async () => {
    const runsOnly = await startView(join(root, 'runs'), ['--allow-host', 'box.lan']);
    try {
      const { page, problems, close } = await openPage(runsOnly.url);
      expect(await page.locator('table.runs tbody tr').count()).toBeGreaterThanOrEqual(1);
      expect(await page.locator('.problems').count()).toBe(0);
      await go(page, 'experiments');
      expect(await page.locator('article.problem').count()).toBe(0);
      await close();
      expect(problems).toEqual([]);
      const status = (host: string) =>
        new Promise<number>((resolve, reject) => {
          const url = new URL(runsOnly.url);
          const req = request(
            { host: url.hostname, port: url.port, path: '/api/index', headers: { host } },
            (res) => {
              res.resume();
              resolve(res.statusCode ?? 0);
            },
          );
          req.on('error', reject);
          req.end();
        });
      expect(await status(`box.lan:${new URL(runsOnly.url).port}`)).toBe(200);
      expect(await status('localhost')).toBe(200);
      expect(await status('evil.example')).toBe(403);
    } finally {
      runsOnly.stop();
    }
  }, 120_000);
});
