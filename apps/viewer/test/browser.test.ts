import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseExperimentRecord, parseRunRecord } from '@fmnist/metrics';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtmlReport, startViewerServer, type ViewerServer } from '../src/node/index.js';
import { type Fixtures, makeFixtures, XSS_NAME } from './make-fixtures.js';

const RESULTS = fileURLToPath(new URL('../test-results/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let root: string;
let fixtures: Fixtures;
let server: ViewerServer;
let browser: Browser;

/** A page that records console errors, uncaught errors and dialogs (an alert means XSS). */
async function openPage(url: string, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(url);
  await page.waitForSelector('main h1');
  return {
    page,
    problems,
    close: () => context.close(),
  };
}

async function go(page: Page, view: string) {
  await page.evaluate((hash) => {
    location.hash = hash;
  }, `#${view}`);
  await page.waitForSelector(`nav a[data-view="${view}"][aria-current="page"]`);
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true });

/** A locator's text content, '' when it has none. */
const text = async (locator: Locator) => (await locator.textContent()) ?? '';

const runKey = (dir: string) => `runs/${basename(dir)}`;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'fmnist-viewer-browser-'));
  await mkdir(RESULTS, { recursive: true });
  fixtures = await makeFixtures(root);
  server = await startViewerServer({
    runsDir: fixtures.runsDir,
    experimentsDir: fixtures.experimentsDir,
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

describe('the served viewer', () => {
  it('shows the runs table, problems, and record names as text', async () => {
    const { page, problems, close } = await openPage(server.url);
    const rows = page.locator('table.runs tbody tr');
    expect(await rows.count()).toBe(3);
    const alert = await text(page.locator('.problems'));
    expect(alert).toContain('broken-20250101-140000');
    expect(alert).toContain('not valid JSON');
    expect(alert).toMatch(/future-20250101-150000.*newer/s);
    // The XSS name shows as text and made no element.
    const xssRow = page.locator(`tr[data-run="${runKey(fixtures.sgdDir)}"]`);
    expect(await xssRow.locator('.run-name').textContent()).toBe(XSS_NAME);
    expect(await page.locator('main img').count()).toBe(0);
    // Sort by test accuracy, best first (the running run has none: last).
    await page.click('button[data-column="testAccuracy"]');
    await page.click('button[data-column="testAccuracy"]');
    const order = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-run')));
    expect(order).toEqual([
      runKey(fixtures.adamDir),
      runKey(fixtures.sgdDir),
      runKey(fixtures.liveDir),
    ]);
    await page.fill('#run-filter', 'sgd');
    expect(await rows.count()).toBe(1);
    await page.fill('#run-filter', '');
    await shot(page, 'runs-1280');
    await close();
    expect(problems).toEqual([]);
  });

  it('updates a running run live', async () => {
    const { page, problems, close } = await openPage(server.url);
    const epochs = page.locator(
      `tr[data-run="${runKey(fixtures.liveDir)}"] td[data-column="epochs"]`,
    );
    expect(await epochs.textContent()).toBe('1/2');
    const file = join(fixtures.liveDir, 'run.json');
    const live = JSON.parse(await readFile(file, 'utf8'));
    live.history = fixtures.adam.history;
    await writeFile(file, JSON.stringify(live));
    await page.waitForFunction(
      (selector) => document.querySelector(selector)?.textContent === '2/2',
      `tr[data-run="${runKey(fixtures.liveDir)}"] td[data-column="epochs"]`,
      { timeout: 10_000 },
    );
    await close();
    expect(problems).toEqual([]);
  });

  it('shows experiments with mean ± std and McNemar p-values', async () => {
    const { page, problems, close } = await openPage(`${server.url}#experiments`);
    const table = page.locator('table.comparison tbody tr');
    expect(await table.count()).toBe(2);
    expect(await text(table.first())).toContain('±');
    expect(await text(page.locator('table.mcnemar'))).toContain('0.0352');
    await shot(page, 'experiments-1280');
    await close();
    expect(problems).toEqual([]);
  });

  it('overlays the curves of selected runs with reference lines', async () => {
    const { page, problems, close } = await openPage(server.url);
    await page.check(`tr[data-run="${runKey(fixtures.adamDir)}"] input[type=checkbox]`);
    await page.check(`tr[data-run="${runKey(fixtures.sgdDir)}"] input[type=checkbox]`);
    await page.click('#compare-selected');
    await page.waitForSelector('figure.chart[data-metric="accuracy"] canvas');
    const counts = await page
      .locator('figure.chart')
      .evaluateAll((figures) => figures.map((f) => f.getAttribute('data-series-count')));
    // loss: train + validation of 2 runs; accuracy: the same + 2 notebook references + 3 baselines.
    expect(counts).toEqual(['4', '9']);
    const legend = await text(page.locator('figure.chart[data-metric="accuracy"]'));
    for (const text of [
      'SVC (published) 0.897',
      'MLPClassifier (published) 0.871',
      'human (published) 0.835',
      'model 1 (mlp-adam) test 0.8884',
      `${XSS_NAME} validation accuracy`,
    ]) {
      expect(legend).toContain(text);
    }
    await shot(page, 'curves-1280');
    await close();
    expect(problems).toEqual([]);
  });

  it('draws the confusion matrix and shows a cell’s images, by mouse and by keyboard', async () => {
    const { page, problems, close } = await openPage(`${server.url}#confusion`);
    await page.selectOption('#run-picker', runKey(fixtures.adamDir));
    await page.waitForSelector('table.heatmap');
    expect(await page.locator('table.heatmap td.cell').count()).toBe(100);
    expect(await text(page.locator('table.heatmap thead'))).toContain('Ankle boot');
    const diagonal = page.locator('button[data-row="0"][data-col="0"]');
    expect(Number(await diagonal.textContent())).toBeGreaterThan(0);
    await diagonal.click();
    await page.waitForSelector('#cell-examples canvas.sample');
    expect(await text(page.locator('#cell-examples h2'))).toContain(
      'True T-shirt/top, predicted T-shirt/top',
    );
    await page.locator('button[data-row="1"][data-col="1"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      document
        .querySelector('#cell-examples h2')
        ?.textContent?.includes('True Trouser, predicted Trouser'),
    );
    expect(await page.locator('#cell-examples canvas.sample').count()).toBeGreaterThan(0);
    await shot(page, 'confusion-1280');
    await close();
    expect(problems).toEqual([]);
  });

  it('shows the classification report and the mistakes gallery', async () => {
    const { page, problems, close } = await openPage(`${server.url}#report`);
    await page.selectOption('#run-picker', runKey(fixtures.sgdDir));
    await page.waitForSelector('table.report');
    expect(await page.locator('table.report tbody tr').count()).toBe(12);
    expect(await page.locator('table.report .bar-fill.precision').count()).toBe(10);
    expect(await page.locator('table.report .bar-fill.recall').count()).toBe(10);
    await shot(page, 'report-1280');
    await go(page, 'mistakes');
    const cards = page.locator('ul.mistakes li.card');
    expect(await cards.count()).toBeGreaterThan(0);
    expect(await cards.first().locator('canvas.sample').count()).toBe(1);
    const cardText = await text(cards.first());
    expect(cardText).toMatch(/true: .+/);
    expect(cardText).toMatch(/predicted: .+/);
    expect(await cards.first().locator('ol.top li').count()).toBe(3);
    await shot(page, 'mistakes-1280');
    await close();
    expect(problems).toEqual([]);
  });

  it('predicts the top 3 classes in the browser, loading tfjs only on Try it', async () => {
    const { page, problems, close } = await openPage(server.url);
    const hasEngine = () => page.evaluate(() => 'fmnistTryIt' in globalThis);
    expect(await hasEngine()).toBe(false);
    await go(page, 'try-it');
    await page.selectOption('#run-picker', runKey(fixtures.adamDir));
    await page.waitForSelector('#try-sample');
    await page.selectOption('#try-sample', '1');
    await page.waitForSelector('#predictions li', { timeout: 30_000 });
    expect(await page.locator('#predictions li').count()).toBe(3);
    expect(await hasEngine()).toBe(true);
    // The browser's answer for a test image is what training recorded for it.
    const recorded = fixtures.adam.samples?.[1]?.probabilities ?? [];
    const best = Math.max(...recorded);
    expect(await text(page.locator('#predictions li').first())).toContain(
      `${(best * 100).toFixed(1)}%`,
    );
    // Drawing with the mouse predicts too.
    await page.click('#try-clear');
    const box = await page.locator('canvas.draw').boundingBox();
    if (!box) throw new Error('no drawing canvas');
    await page.mouse.move(box.x + 40, box.y + 60);
    await page.mouse.down();
    await page.mouse.move(box.x + 240, box.y + 60, { steps: 10 });
    await page.mouse.up();
    await page.waitForSelector('#predictions li');
    expect(await page.locator('#predictions li').count()).toBe(3);
    await shot(page, 'try-it-1280');
    await close();
    expect(problems).toEqual([]);
  });

  it('opens a dropped run.json', async () => {
    const { page, problems, close } = await openPage(server.url);
    const json = await readFile(join(fixtures.adamDir, 'run.json'), 'utf8');
    const dropped = JSON.stringify({ ...JSON.parse(json), name: 'dropped one' });
    const transfer = await page.evaluateHandle((json) => {
      const data = new DataTransfer();
      data.items.add(new File([json], 'run.json', { type: 'application/json' }));
      return data;
    }, dropped);
    await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
    await page.waitForSelector('nav a[data-view="curves"][aria-current="page"]');
    expect(await text(page.locator('.notice'))).toContain('Opened dropped one');
    expect(await text(page.locator('figure.chart').first())).toContain('dropped one train loss');
    await close();
    expect(problems).toEqual([]);
  });

  it('fits 390 px wide and every control is reachable by keyboard', async () => {
    const { page, problems, close } = await openPage(server.url, { width: 390, height: 844 });
    for (const view of ['runs', 'confusion', 'curves', 'try-it']) {
      await go(page, view);
      await page.waitForTimeout(100);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, `${view} overflows`).toBeLessThanOrEqual(0);
      await shot(page, `${view}-390`);
    }
    await go(page, 'runs');
    const reached = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      reached.add(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return el
            ? `${el.tagName.toLowerCase()}#${el.id}|${el.dataset.view ?? el.dataset.column ?? el.getAttribute('aria-label') ?? ''}`
            : '';
        }),
      );
    }
    const all = [...reached].join('\n');
    for (const expected of [
      'a#|runs',
      'a#|try-it',
      'input#open-file',
      'input#run-filter',
      'button#compare-selected',
      'button#|testAccuracy',
      'input#|Compare mlp-adam',
    ]) {
      expect(all).toContain(expected);
    }
    await close();
    expect(problems).toEqual([]);
  });
});

describe('the HTML report', () => {
  it('opens from disk with no server and shows the same views, Try it included', async () => {
    const runs = [fixtures.adamDir, fixtures.sgdDir];
    const records = await Promise.all(
      runs.map(async (dir) => parseRunRecord(await readFile(join(dir, 'run.json'), 'utf8'))),
    );
    const [adam] = records;
    if (!adam) throw new Error('no record');
    const html = renderHtmlReport({
      runs: records,
      experiments: [parseExperimentRecord(fixtures.experiment)],
      models: {
        [adam.id]: {
          modelJson: await readFile(join(fixtures.adamDir, 'model', 'model.json'), 'utf8'),
          weights: new Uint8Array(await readFile(join(fixtures.adamDir, 'model', 'weights.bin'))),
        },
      },
    });
    const file = join(RESULTS, 'report.html');
    await writeFile(file, html);
    const { page, problems, close } = await openPage(pathToFileURL(file).href);
    expect(await page.locator('table.runs tbody tr').count()).toBe(2);
    expect(await page.locator('main img').count()).toBe(0);
    await shot(page, 'report-file-runs');
    await go(page, 'experiments');
    expect(await page.locator('table.comparison tbody tr').count()).toBe(2);
    await go(page, 'curves');
    await page.waitForSelector('figure.chart canvas');
    expect(await page.locator('figure.chart').count()).toBe(2);
    await go(page, 'confusion');
    expect(await page.locator('table.heatmap td.cell').count()).toBe(100);
    await page.click('button[data-row="2"][data-col="2"]');
    await page.waitForSelector('#cell-examples canvas.sample');
    await shot(page, 'report-file-confusion');
    await go(page, 'mistakes');
    await go(page, 'try-it');
    await page.selectOption('#try-sample', '2');
    await page.waitForSelector('#predictions li', { timeout: 30_000 });
    expect(await page.locator('#predictions li').count()).toBe(3);
    const best = Math.max(...(adam.samples?.[2]?.probabilities ?? []));
    expect(await text(page.locator('#predictions li').first())).toContain(
      `${(best * 100).toFixed(1)}%`,
    );
    await shot(page, 'report-file-try-it');
    await close();
    expect(problems).toEqual([]);
  });
});
