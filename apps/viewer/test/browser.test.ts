import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseExperimentRecord, parseRunRecord, type RunRecord } from '@fmnist/metrics';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  renderHtmlReport,
  startViewerServer,
  type ViewerIndex,
  type ViewerServer,
} from '../src/node/index.js';
import { type Fixtures, makeFixtures, XSS_NAME } from './make-fixtures.js';
import { minimalRun } from './minimal-run.js';

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
  return { page, problems, close: () => context.close() };
}

/** Click a view's tab (a history entry, as a person makes one). */
async function go(page: Page, view: string) {
  await page.click(`nav a[data-view="${view}"]`);
  await page.waitForSelector(`nav a[data-view="${view}"][aria-current="page"]`);
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true });

/** A locator's text content, '' when it has none. */
const text = async (locator: Locator) => (await locator.textContent()) ?? '';

const runKey = (dir: string) => `runs/${basename(dir)}`;
const sweepKey = (dir: string) => `experiments/lr-sweep-20250101-190000/runs/${basename(dir)}`;
const rowOf = (page: Page, key: string) => page.locator(`tr[data-run="${key}"]`);
const hashOf = (page: Page) => page.evaluate(() => decodeURIComponent(location.hash));

/** Wait until the server's index satisfies `ready` (file events take a moment). */
async function waitForIndex(ready: (index: ViewerIndex) => boolean) {
  for (let i = 0; i < 100; i++) {
    const index = (await (await fetch(new URL('api/index', server.url))).json()) as ViewerIndex;
    if (ready(index)) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('the index did not change');
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'fmnist-viewer-browser-'));
  await mkdir(RESULTS, { recursive: true });
  fixtures = await makeFixtures(root);
  server = await startViewerServer({
    runsDir: fixtures.runsDir,
    experimentsDir: fixtures.experimentsDir,
    sweepsDir: fixtures.sweepsDir,
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
  it('shows the runs table with hyperparameters and experiments, problems, and names as text', async () => {
    const { page, problems, close } = await openPage(server.url);
    const rows = page.locator('table.runs tbody tr');
    expect(await rows.count()).toBe(8);
    const alert = await text(page.locator('.problems'));
    expect(alert).toContain('broken-20250101-140000');
    expect(alert).toContain('not valid JSON');
    expect(alert).toMatch(/future-20250101-150000.*newer/s);
    // A folder still being created is not an error.
    expect(alert).not.toContain('making-20250101-170000');
    expect(await page.locator('.problems li').count()).toBe(2);
    // The XSS name shows as text and made no element.
    const xssRow = rowOf(page, runKey(fixtures.sgdDir));
    expect(await xssRow.locator('.run-name').textContent()).toBe(XSS_NAME);
    expect(await page.locator('main img').count()).toBe(0);
    // Hyperparameters and the experiment that lists a run.
    const adam = rowOf(page, runKey(fixtures.adamDir));
    expect(await text(adam.locator('td[data-column="learningRate"]'))).toBe('0.001');
    expect(await text(adam.locator('td[data-column="batchSize"]'))).toBe('50');
    expect(await text(adam.locator('td[data-column="widths"]'))).toMatch(/^\d+(-\d+)+$/);
    expect(await text(adam.locator('td[data-column="experiment"]'))).toBe(
      'notebook-20250101-160000',
    );
    expect(await text(xssRow.locator('td[data-column="learningRate"]'))).toBe('0.01');
    expect(
      await text(
        rowOf(page, sweepKey(fixtures.sweepDirs[0] ?? '')).locator('td[data-column="experiment"]'),
      ),
    ).toBe('lr-sweep-20250101-190000, grid-20250101-200000');
    // Honest labels: the two train losses are named apart; test-set validation is marked.
    const headers = await text(page.locator('table.runs thead'));
    expect(headers).toContain('Train loss (last epoch)');
    expect(headers).toContain('Train loss (final eval)');
    const leaky = rowOf(page, runKey(fixtures.leakyDir));
    expect(await leaky.locator('td[data-column="valAccuracy"] abbr.leak').textContent()).toBe(
      'test set',
    );
    expect(await adam.locator('abbr.leak').count()).toBe(0);
    await shot(page, 'runs-1280');
    // Sort by test accuracy, best first (the running run has none: last).
    await page.click('button[data-column="testAccuracy"]');
    await page.click('button[data-column="testAccuracy"]');
    const order = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-run')));
    expect(order.at(-1)).toBe(runKey(fixtures.liveDir));
    await close();
    expect(problems).toEqual([]);
  });

  it('filters by words and numbers, and says so when nothing matches', async () => {
    const { page, problems, close } = await openPage(server.url);
    const rows = page.locator('table.runs tbody tr');
    await page.fill('#run-filter', 'sgd');
    expect(await rows.count()).toBe(1);
    // A number as shown: the sweep's validation accuracies are 0.59, 0.64, 0.69, 0.74.
    await page.fill('#run-filter', '0.69');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-run')))).toEqual([
      sweepKey(fixtures.sweepDirs[2] ?? ''),
    ]);
    await page.fill('#run-filter', '0.0003');
    expect(await rows.count()).toBe(1);
    await page.fill('#run-filter', 'leakage');
    expect(await rows.count()).toBe(1);
    await page.fill('#run-filter', 'no such run anywhere');
    expect(await rows.count()).toBe(0);
    expect(await text(page.locator('#no-match'))).toContain(
      'No run matches “no such run anywhere”',
    );
    await page.click('#no-match button');
    expect(await rows.count()).toBe(8);
    await close();
    expect(problems).toEqual([]);
  });

  it('keeps filter, sort, selection and view in the link: reload, back, forward, a pasted link', async () => {
    const { page, problems, close } = await openPage(server.url);
    await page.fill('#run-filter', 'adam');
    await page.click('button[data-column="testAccuracy"]');
    await page.check(`tr[data-run="${runKey(fixtures.adamDir)}"] input[type=checkbox]`);
    await page.check(`tr[data-run="${runKey(fixtures.leakyDir)}"] input[type=checkbox]`);
    await page.click('#compare-selected');
    await page.waitForSelector('figure.chart[data-metric="loss"] canvas');
    expect(await text(page.locator('#curves-note'))).toContain('Showing mlp-adam, leaky-run.');
    // Reload: still two runs charted.
    await page.reload();
    await page.waitForSelector('figure.chart[data-metric="loss"] canvas');
    expect(await text(page.locator('#curves-note'))).toContain('Showing mlp-adam, leaky-run.');
    // Back to the table: filter, sort and ticks are as they were.
    await page.goBack();
    await page.waitForSelector('nav a[data-view="runs"][aria-current="page"]');
    expect(await page.inputValue('#run-filter')).toBe('adam');
    expect(await page.getAttribute('th[aria-sort] button', 'data-column')).toBe('testAccuracy');
    expect(
      await page.isChecked(`tr[data-run="${runKey(fixtures.adamDir)}"] input[type=checkbox]`),
    ).toBe(true);
    await page.goForward();
    await page.waitForSelector('nav a[data-view="curves"][aria-current="page"]');
    // A pasted link to run X's confusion matrix, one cell open.
    const link = `${server.url}#confusion?run=${encodeURIComponent(runKey(fixtures.sgdDir))}&cell=1~1`;
    const other = await openPage(link);
    await other.page.waitForSelector('#cell-examples h2');
    expect(await other.page.inputValue('#run-picker')).toBe(runKey(fixtures.sgdDir));
    expect(await text(other.page.locator('#cell-examples h2'))).toContain(
      'True Trouser, predicted Trouser',
    );
    await other.close();
    expect(other.problems).toEqual([]);
    await close();
    expect(problems).toEqual([]);
  });

  it('updates a running run live through the change stream, and an idle page sends nothing', async () => {
    const { page, problems, close } = await openPage(server.url);
    const epochs = `tr[data-run="${runKey(fixtures.liveDir)}"] td[data-column="epochs"]`;
    expect(await page.locator(epochs).textContent()).toBe('1/2');
    // Idle: no request at all for 3 s (no polling), the event stream stays open.
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.waitForTimeout(3000);
    expect(requests).toEqual([]);
    const file = join(fixtures.liveDir, 'run.json');
    const live = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify({ ...live, history: fixtures.adam.history }));
    await page.waitForFunction(
      (selector) => document.querySelector(selector)?.textContent === '2/2',
      epochs,
      {
        timeout: 10_000,
      },
    );
    // The change came pushed: the page fetched neither the index nor a record.
    expect(requests.filter((url) => url.includes('/api/'))).toEqual([]);
    await writeFile(file, JSON.stringify(live));
    await close();
    expect(problems).toEqual([]);
  });

  it('keeps the zoom of the curves when a live run writes an epoch', async () => {
    const file = join(fixtures.liveDir, 'run.json');
    const live = JSON.parse(await readFile(file, 'utf8')) as RunRecord;
    const tenEpochs = Array.from({ length: 10 }, (_, i) => ({
      ...fixtures.adam.history[0],
      epoch: i + 1,
    }));
    await writeFile(
      file,
      JSON.stringify({
        ...live,
        history: tenEpochs.slice(0, 8),
        config: { ...live.config, epochs: 10 },
      }),
    );
    await waitForIndex((index) =>
      index.runs.some((r) => r.key === runKey(fixtures.liveDir) && r.summary?.epochs === 8),
    );
    const link = `${server.url}#curves?run=${encodeURIComponent(runKey(fixtures.liveDir))}&zoom=2~5`;
    const { page, problems, close } = await openPage(link);
    await page.waitForSelector('figure.chart[data-metric="loss"][data-series-count] canvas');
    const scale = () =>
      page.evaluate(() => {
        const chart = document.querySelector(
          'figure.chart[data-metric="loss"]',
        ) as HTMLElement | null;
        return chart?.dataset.zoom ?? '';
      });
    expect(await scale()).toBe('2~5');
    await writeFile(
      file,
      JSON.stringify({
        ...live,
        history: tenEpochs.slice(0, 9),
        config: { ...live.config, epochs: 10 },
      }),
    );
    await page.waitForFunction(
      () =>
        document.querySelector('figure.chart[data-metric="loss"]')?.getAttribute('data-epochs') ===
        '9',
      null,
      { timeout: 10_000 },
    );
    expect(await scale()).toBe('2~5');
    expect(await hashOf(page)).toContain('zoom=2~5');
    await writeFile(file, JSON.stringify(live));
    await close();
    expect(problems).toEqual([]);
  });

  it('shows experiments: seeds counted, runs as links, mean ± std and McNemar', async () => {
    const { page, problems, close } = await openPage(`${server.url}#experiments`);
    const notebook = page.locator(
      'article[data-experiment="experiments/notebook-20250101-160000"]',
    );
    const table = notebook.locator('table.comparison tbody tr');
    expect(await table.count()).toBe(2);
    expect(await text(table.first())).toContain('±');
    const seeds = table.first().locator('td.seeds');
    expect(await seeds.textContent()).toBe('1 seed');
    expect(await seeds.getAttribute('title')).toBe('seeds 1');
    expect(await text(notebook.locator('table.comparison thead'))).toContain(
      'Train loss (last epoch)',
    );
    expect(await text(notebook.locator('table.mcnemar'))).toContain('0.0352');
    // A sweep: its trials' runs as links, and its runs open in HParams.
    const sweep = page.locator('article[data-experiment="sweeps/grid-20250101-200000"]');
    expect(await text(sweep.locator('h2'))).toContain('lr-grid');
    expect(await sweep.locator('.experiment-runs a').count()).toBe(2);
    await shot(page, 'experiments-1280');
    await notebook.locator(`.experiment-runs a[data-run="${runKey(fixtures.sgdDir)}"]`).click();
    await page.waitForSelector('table.heatmap');
    expect(await page.inputValue('#run-picker')).toBe(runKey(fixtures.sgdDir));
    await close();
    expect(problems).toEqual([]);
  });

  it('shows a malformed sweep.json like any malformed record: its card and the problems list say why', async () => {
    const dir = join(fixtures.sweepsDir, 'broken-20250101-210000');
    await mkdir(dir, { recursive: true });
    // JSON, but not a SweepRecord (no schemaVersion, id, plan…): @fmnist/metrics says what is wrong.
    await writeFile(join(dir, 'sweep.json'), JSON.stringify({ name: 'broken', runs: [] }));
    try {
      await waitForIndex((index) =>
        index.experiments.some((e) => e.key === 'sweeps/broken-20250101-210000'),
      );
      const { page, problems, close } = await openPage(`${server.url}#experiments`);
      const card = page.locator('article.experiment.problem', {
        hasText: 'sweeps/broken-20250101-210000',
      });
      expect(await text(card)).toContain('invalid sweep record: schemaVersion must be 1');
      // The valid sweep is still shown as a sweep.
      expect(
        await page.locator('article[data-experiment="sweeps/grid-20250101-200000"]').count(),
      ).toBe(1);
      await go(page, 'runs');
      expect(await text(page.locator('.problems'))).toMatch(
        /sweeps\/broken-20250101-210000: invalid sweep record/,
      );
      await close();
      expect(problems).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await waitForIndex(
        (index) => !index.experiments.some((e) => e.key === 'sweeps/broken-20250101-210000'),
      );
    }
  });

  it('overlays curves in distinct colours, with a legend that tells solid from dashed, full width', async () => {
    const { page, problems, close } = await openPage(`${server.url}#experiments`);
    await page.click(
      'article[data-experiment="experiments/lr-sweep-20250101-190000"] button[data-action="curves"]',
    );
    await page.waitForSelector('figure.chart[data-metric="accuracy"] canvas');
    // Add four more runs to the four of the sweep: eight runs, eight colours.
    await go(page, 'runs');
    for (const dir of [fixtures.adamDir, fixtures.sgdDir, fixtures.leakyDir, fixtures.liveDir]) {
      await page.check(`tr[data-run="${runKey(dir)}"] input[type=checkbox]`);
    }
    await page.click('#compare-selected');
    await page.waitForSelector('figure.chart[data-metric="accuracy"] canvas');
    const markers = await page
      .locator('figure.chart[data-metric="loss"] .u-legend .u-series')
      .evaluateAll((rows) =>
        rows.slice(1).map((row) => {
          const marker = row.querySelector('.u-marker') as HTMLElement;
          return {
            label: row.textContent ?? '',
            colour: marker.style.borderColor,
            style: marker.style.borderStyle,
          };
        }),
      );
    const train = markers.filter((m) => m.label.includes('train loss'));
    expect(train).toHaveLength(8);
    expect(new Set(train.map((m) => m.colour)).size).toBe(8);
    expect(new Set(train.map((m) => m.style))).toEqual(new Set(['solid']));
    expect(
      markers.filter((m) => m.label.includes('validation loss')).every((m) => m.style === 'dashed'),
    ).toBe(true);
    // The run that validated on the test set says so.
    expect(markers.some((m) => m.label.includes('leaky-run test (used as validation) loss'))).toBe(
      true,
    );
    const legend = await text(page.locator('figure.chart[data-metric="accuracy"]'));
    for (const label of [
      'SVC (published) 0.897',
      'human (published) 0.835',
      'model 1 (mlp-adam) test 0.8884',
    ]) {
      expect(legend).toContain(label);
    }
    // Not stopped at 900 px.
    const width = await page
      .locator('figure.chart[data-metric="loss"] canvas')
      .evaluate((c) => c.getBoundingClientRect().width);
    expect(width).toBeGreaterThan(1100);
    // Smoothing and a log scale, in the link.
    await page.locator('#curve-smooth').fill('0.6');
    await page.check('#curve-log');
    expect(await hashOf(page)).toMatch(/smooth=0\.6.*log=1/);
    expect(await page.getAttribute('figure.chart[data-metric="loss"]', 'data-log')).toBe('1');
    expect(await text(page.locator('#curves-note'))).toContain('Smoothed');
    await shot(page, 'curves-1280');
    await close();
    expect(problems).toEqual([]);
  });

  it('compares hyperparameters: parallel coordinates and a scatter, a click opening the run', async () => {
    const { page, problems, close } = await openPage(`${server.url}#experiments`);
    await page.click(
      'article[data-experiment="experiments/lr-sweep-20250101-190000"] button[data-action="hparams"]',
    );
    await page.waitForSelector('svg.parallel');
    expect(await page.inputValue('#hparams-metric')).toBe('valAccuracy');
    expect(await page.locator('svg.parallel .pc-line').count()).toBe(4);
    const axes = await page.locator('svg.parallel .pc-name').allTextContents();
    expect(axes).toEqual(['learningRate (log)', 'validation accuracy']);
    expect(await page.locator('svg.scatter circle.point').count()).toBe(4);
    expect(await text(page.locator('#hparams-note'))).toContain('Best: mlp-adam-lr-0.01 (0.7400)');
    await shot(page, 'hparams-1280');
    // Test-set metrics are marked as such.
    await page.selectOption('#hparams-metric', 'testAccuracy');
    await page.waitForSelector('.leak-warning');
    expect(await text(page.locator('svg.parallel'))).toContain('⚠ test');
    // A click on a point opens the run.
    const target = sweepKey(fixtures.sweepDirs[1] ?? '');
    await page.locator(`svg.scatter circle[data-run="${target}"]`).click();
    await page.waitForSelector('nav a[data-view="confusion"][aria-current="page"]');
    expect(await page.inputValue('#run-picker')).toBe(target);
    // Back restores the HParams view with its metric.
    await page.goBack();
    await page.waitForSelector('svg.parallel');
    expect(await page.inputValue('#hparams-metric')).toBe('testAccuracy');
    await close();
    expect(problems).toEqual([]);
  });

  it('compares per-class precision, recall and F1 across selected runs, with differences', async () => {
    const link = `${server.url}#classes?sel=${encodeURIComponent(runKey(fixtures.adamDir))}&sel=${encodeURIComponent(runKey(fixtures.sgdDir))}`;
    const { page, problems, close } = await openPage(link);
    await page.waitForSelector('table.class-compare tbody tr');
    expect(await page.locator('table.class-compare tbody tr').count()).toBe(10);
    const head = await text(page.locator('table.class-compare thead'));
    expect(head).toContain('mlp-adam F1');
    expect(head).toContain('Δ vs mlp-adam');
    const coat = page.locator('table.class-compare tr[data-class="Coat"]');
    const [a, b, d] = (await coat.locator('td').allTextContents()).map((t) => t.trim());
    const expected =
      (fixtures.sgd.classificationReport?.classes[4]?.f1 ?? 0) -
      (fixtures.adam.classificationReport?.classes[4]?.f1 ?? 0);
    expect(a).toMatch(/\d\.\d{4}/);
    expect(b).toMatch(/\d\.\d{4}/);
    expect(d?.replace('−', '-').replace('+', '').replace('±', '')).toBe(
      Math.abs(expected) < 1e-9 ? '0.0000' : expected.toFixed(4),
    );
    await page.selectOption('#class-metric', 'recall');
    expect(await text(page.locator('table.class-compare thead'))).toContain('mlp-adam Recall');
    expect(await hashOf(page)).toContain('cm=recall');
    await shot(page, 'classes-1280');
    await close();
    expect(problems).toEqual([]);
  });

  it('draws the confusion matrix; a cell says how many of its images are kept', async () => {
    const { page, problems, close } = await openPage(
      `${server.url}#confusion?run=${encodeURIComponent(runKey(fixtures.adamDir))}`,
    );
    await page.waitForSelector('table.heatmap');
    expect(await page.locator('table.heatmap td.cell').count()).toBe(100);
    expect(await text(page.locator('table.heatmap thead'))).toContain('Ankle boot');
    const diagonal = page.locator('button[data-row="0"][data-col="0"]');
    const count = Number(await diagonal.textContent());
    expect(count).toBeGreaterThan(0);
    await diagonal.click();
    await page.waitForSelector('#cell-examples canvas.sample');
    const kept = await page.locator('#cell-examples canvas.sample').count();
    expect(await text(page.locator('#cell-examples h2'))).toContain(
      kept === count
        ? `${count} images, all kept`
        : `${count} images, ${kept} of ${count} kept in the record`,
    );
    expect(await hashOf(page)).toContain('cell=0~0');
    await page.locator('button[data-row="1"][data-col="1"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      document
        .querySelector('#cell-examples h2')
        ?.textContent?.includes('True Trouser, predicted Trouser'),
    );
    await shot(page, 'confusion-1280');
    await close();
    expect(problems).toEqual([]);
  });

  it('shows the classification report and the mistakes gallery', async () => {
    const { page, problems, close } = await openPage(
      `${server.url}#report?run=${encodeURIComponent(runKey(fixtures.sgdDir))}`,
    );
    await page.waitForSelector('table.report');
    expect(await page.locator('table.report tbody tr').count()).toBe(12);
    expect(await page.locator('table.report .bar-fill.precision').count()).toBe(10);
    await go(page, 'mistakes');
    const cards = page.locator('ul.mistakes li.card');
    await cards.first().waitFor();
    expect(await cards.first().locator('canvas.sample').count()).toBe(1);
    expect(await text(cards.first())).toMatch(/true: .+predicted: .+/s);
    expect(await cards.first().locator('ol.top li').count()).toBe(3);
    await close();
    expect(problems).toEqual([]);
  });

  it('predicts in the browser, offering ordinary test images before the mistakes', async () => {
    // A run that gets some test images right and some wrong (the tiny data may be too easy for adam).
    const both = (record: RunRecord) =>
      (record.samples ?? []).some((s) => s.kind === 'mistake' && s.label !== s.predicted) &&
      (record.samples ?? []).some((s) => s.label === s.predicted);
    const subject = both(fixtures.adam)
      ? { dir: fixtures.adamDir, record: fixtures.adam }
      : { dir: fixtures.sgdDir, record: fixtures.sgd };
    expect(both(subject.record)).toBe(true);
    const { page, problems, close } = await openPage(
      `${server.url}#try-it?run=${encodeURIComponent(runKey(subject.dir))}`,
    );
    await page.waitForSelector('#try-sample');
    const groups = await page
      .locator('#try-sample optgroup')
      .evaluateAll((gs) => gs.map((g) => g.getAttribute('label')));
    expect(groups).toEqual(['Test images the model gets right', 'Its most confident mistakes']);
    const firstOption = await page
      .locator('#try-sample optgroup')
      .first()
      .locator('option')
      .first()
      .textContent();
    expect(firstOption).not.toContain('mistake');
    expect(
      await page.locator('#try-sample optgroup').last().locator('option').first().textContent(),
    ).toContain('(a mistake: taken for');
    expect(await page.evaluate(() => 'fmnistTryIt' in globalThis)).toBe(false);
    const value = await page
      .locator('#try-sample optgroup')
      .first()
      .locator('option')
      .first()
      .getAttribute('value');
    await page.selectOption('#try-sample', value ?? '0');
    await page.waitForSelector('#predictions li', { timeout: 30_000 });
    expect(await page.locator('#predictions li').count()).toBe(3);
    // The browser's answer for a test image is what training recorded for it.
    const index = Number(/#(\d+)/.exec(firstOption ?? '')?.[1]);
    const recorded = subject.record.samples?.find((s) => s.index === index)?.probabilities ?? [];
    expect(await text(page.locator('#predictions li').first())).toContain(
      `${(Math.max(...recorded) * 100).toFixed(1)}%`,
    );
    await shot(page, 'try-it-1280');
    await close();
    expect(problems).toEqual([]);
  });

  it('opens a dropped run.json, and one listed already is not added twice', async () => {
    const { page, problems, close } = await openPage(server.url);
    const drop = async (json: string) => {
      const transfer = await page.evaluateHandle((json) => {
        const data = new DataTransfer();
        data.items.add(new File([json], 'run.json', { type: 'application/json' }));
        return data;
      }, json);
      await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
    };
    const json = await readFile(join(fixtures.adamDir, 'run.json'), 'utf8');
    await drop(JSON.stringify({ ...JSON.parse(json), id: 'dropped-id', name: 'dropped one' }));
    await page.waitForSelector('nav a[data-view="curves"][aria-current="page"]');
    expect(await text(page.locator('.notice'))).toContain('Opened dropped one');
    await page.waitForSelector('figure.chart canvas');
    expect(await text(page.locator('figure.chart').first())).toContain('dropped one train loss');
    await go(page, 'runs');
    expect(await page.locator('table.runs tbody tr').count()).toBe(9);
    // The same file again, and a served run's own run.json: no new row.
    await drop(JSON.stringify({ ...JSON.parse(json), id: 'dropped-id', name: 'dropped one' }));
    await page.waitForSelector('nav a[data-view="curves"][aria-current="page"]');
    await drop(json);
    await page.waitForSelector('nav a[data-view="curves"][aria-current="page"]');
    expect(await text(page.locator('.notice'))).toContain('listed already');
    await go(page, 'runs');
    expect(await page.locator('table.runs tbody tr').count()).toBe(9);
    await close();
    expect(problems).toEqual([]);
  });

  it('opens at once over many runs read in the background, and ends with all of them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fmnist-viewer-background-'));
    for (let i = 0; i < 250; i++) {
      const run = join(dir, 'runs', `run-${String(i).padStart(3, '0')}`);
      await mkdir(run, { recursive: true });
      await writeFile(join(run, 'run.json'), JSON.stringify(minimalRun({ name: `bulk ${i}` })));
    }
    const background = await startViewerServer({
      runsDir: join(dir, 'runs'),
      experimentsDir: join(dir, 'experiments'),
      readInBackground: true,
      backgroundAfterMs: 0,
    });
    try {
      const { page, problems, close } = await openPage(background.url);
      // However far the reading was when the page opened, the batches arrive as changes.
      await page.waitForFunction(() =>
        /250 of 250 runs shown/.test(document.querySelector('main')?.textContent ?? ''),
      );
      expect(await page.locator('p.reading').isHidden()).toBe(true);
      expect(await background.indexed).toBeGreaterThan(0);
      await close();
      expect(problems).toEqual([]);
    } finally {
      await background.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says so when the server goes away', async () => {
    const lone = await startViewerServer({
      runsDir: fixtures.runsDir,
      experimentsDir: fixtures.experimentsDir,
    });
    const { page, problems, close } = await openPage(lone.url);
    expect(await page.locator('.connection').isHidden()).toBe(true);
    await lone.close();
    await page.waitForSelector('.connection:not([hidden])', { timeout: 10_000 });
    expect(await text(page.locator('.connection'))).toContain(
      'Lost the connection to the viewer server',
    );
    await close();
    // The browser logs its failed reconnection attempts; nothing else may fail.
    expect(
      problems.filter((p) => !p.includes('ERR_CONNECTION_REFUSED') && !p.includes('api/events')),
    ).toEqual([]);
  });

  it('fits 375 px wide, confusion headers whole, and every control is reachable by keyboard', async () => {
    const { page, problems, close } = await openPage(`${server.url}#runs`, {
      width: 375,
      height: 812,
    });
    for (const view of ['runs', 'hparams', 'curves', 'classes', 'confusion', 'try-it']) {
      await go(page, view);
      await page.waitForTimeout(150);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, `${view} overflows`).toBeLessThanOrEqual(0);
      await shot(page, `${view}-375`);
    }
    await go(page, 'confusion');
    await page.waitForSelector('table.heatmap');
    const cut = await page
      .locator('table.heatmap th.col-name span')
      .evaluateAll((spans) =>
        spans
          .filter((s) => s.scrollHeight > s.clientHeight + 1 || s.scrollWidth > s.clientWidth + 1)
          .map((s) => s.textContent),
      );
    expect(cut).toEqual([]);
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
      'a#|hparams',
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
  const records = async (dirs: string[]) =>
    Promise.all(
      dirs.map(async (dir) => parseRunRecord(await readFile(join(dir, 'run.json'), 'utf8'))),
    );

  it('opens from disk with no server: the same views, links that keep state, Try it included', async () => {
    const runs = await records([fixtures.adamDir, fixtures.sgdDir, ...fixtures.sweepDirs]);
    const [adam, sgd] = runs;
    if (!adam || !sgd) throw new Error('no record');
    const html = renderHtmlReport({
      runs,
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
    const url = pathToFileURL(file).href;
    const { page, problems, close } = await openPage(url);
    expect(await page.locator('table.runs tbody tr').count()).toBe(6);
    expect(await page.locator('main img').count()).toBe(0);
    await shot(page, 'report-file-runs');
    // State in the link, from file:// too: filter, ticks, the view; reload and back restore it.
    await page.fill('#run-filter', 'lr');
    await page.check(`tr[data-run="sweep-0"] input[type=checkbox]`);
    await page.check(`tr[data-run="sweep-3"] input[type=checkbox]`);
    await page.click('#hparams-selected');
    await page.waitForSelector('svg.parallel');
    expect(await page.locator('svg.parallel .pc-line').count()).toBe(2);
    await page.reload();
    await page.waitForSelector('svg.parallel');
    expect(await page.locator('svg.parallel .pc-line').count()).toBe(2);
    await page.goBack();
    await page.waitForSelector('table.runs');
    expect(await page.inputValue('#run-filter')).toBe('lr');
    expect(await page.locator('table.runs tbody tr').count()).toBe(4);
    await go(page, 'experiments');
    expect(await page.locator('table.comparison tbody tr').count()).toBe(2);
    expect(await page.locator('.experiment-runs a').count()).toBe(2);
    await go(page, 'curves');
    await page.waitForSelector('figure.chart canvas');
    expect(await page.locator('figure.chart').count()).toBe(2);
    const link = `${url}#confusion?run=${sgd.id}&cell=2~2`;
    const other = await openPage(link);
    await other.page.waitForSelector('#cell-examples h2');
    expect(await text(other.page.locator('#cell-examples h2'))).toContain(
      'True Pullover, predicted Pullover',
    );
    expect(await other.page.inputValue('#run-picker')).toBe(sgd.id);
    await shot(other.page, 'report-file-confusion');
    await other.close();
    expect(other.problems).toEqual([]);
    await page.goto(`${url}#classes?sel=${adam.id}&sel=${sgd.id}`);
    await page.waitForSelector('table.class-compare tbody tr');
    expect(await page.locator('table.class-compare tbody tr').count()).toBe(10);
    await page.goto(`${url}#try-it?run=${adam.id}`);
    await page.waitForSelector('#try-sample');
    await page.selectOption('#try-sample', '0');
    await page.waitForSelector('#predictions li', { timeout: 30_000 });
    expect(await page.locator('#predictions li').count()).toBe(3);
    await shot(page, 'report-file-try-it');
    await close();
    expect(problems).toEqual([]);
  });

  it('shows a hundred runs at first and the rest on request', async () => {
    const [adam] = await records([fixtures.adamDir]);
    if (!adam) throw new Error('no record');
    const many = Array.from({ length: 130 }, (_, i) => ({
      ...adam,
      id: `copy-${i}`,
      name: `copy-${String(i).padStart(3, '0')}`,
      samples: [],
    }));
    const file = join(RESULTS, 'report-many.html');
    await writeFile(file, renderHtmlReport({ runs: many, experiments: [] }));
    const { page, problems, close } = await openPage(pathToFileURL(file).href);
    const rows = page.locator('table.runs tbody tr');
    expect(await rows.count()).toBe(100);
    expect(await text(page.locator('#more-runs'))).toContain('100 of 130 shown');
    await page.click('#more-runs button:last-child');
    expect(await rows.count()).toBe(130);
    // Sorting and filtering work on every run, not only those drawn.
    await page.reload();
    await page.fill('#run-filter', 'copy-129');
    expect(await rows.count()).toBe(1);
    await close();
    expect(problems).toEqual([]);
  });

  it('a single-run report has no empty Experiments tab', async () => {
    const [adam] = await records([fixtures.adamDir]);
    if (!adam) throw new Error('no record');
    const file = join(RESULTS, 'report-single.html');
    await writeFile(file, renderHtmlReport({ runs: [adam], experiments: [] }));
    const { page, problems, close } = await openPage(pathToFileURL(file).href);
    expect(await page.locator('nav a[data-view="experiments"]').count()).toBe(0);
    expect(await page.locator('nav a[data-view="hparams"]').count()).toBe(1);
    await close();
    expect(problems).toEqual([]);
  });
});
