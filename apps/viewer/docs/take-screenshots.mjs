// Takes the README's screenshots from real runs served by `fmnist view`, in Debian's chromium.
//   node apps/cli/dist/bin.js experiment notebook --epochs 5 --out <dir>/experiments
//   node apps/cli/dist/bin.js sweep sgd-momentum --trials 12 --epochs 2 --out <dir>/sweeps
//   node apps/viewer/docs/take-screenshots.mjs <dir>      (then optipng -o2 docs/*.png)
// Every view is opened by its link (the state is in the hash), at 1280×800 (the confusion
// matrix at 375 px, HParams 1000 px high to hold its scatter), and the viewport alone is kept,
// so the files stay small.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const [dir] = process.argv.slice(2);
if (!dir)
  throw new Error('usage: node take-screenshots.mjs <folder with experiments/ and sweeps/>');
const docs = fileURLToPath(new URL('./', import.meta.url));
const cli = fileURLToPath(new URL('../../cli/dist/bin.js', import.meta.url));

const server = spawn(process.execPath, [cli, 'view', dir, '--no-cache'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
try {
  const url = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.setEncoding('utf8').on('data', (text) => {
      out += text;
      const found = /https?:\/\/\S+/.exec(out);
      if (found) resolve(found[0]);
    });
    server.on('exit', (code) => reject(new Error(`fmnist view exited with ${code}`)));
  });
  const index = await (await fetch(new URL('api/index', url))).json();
  const experiment = index.experiments.find((e) => e.kind !== 'sweep');
  const sweep = index.experiments.find((e) => e.kind === 'sweep');
  const notebookRuns = experiment.runKeys.filter(Boolean);
  const sweepRuns = sweep.runKeys.filter(Boolean);
  const named = (part) => notebookRuns.find((key) => key.includes(part));
  const link = (view, params) => {
    const query = new URLSearchParams(params).toString().replace(/%2F/g, '/').replace(/%7E/g, '~');
    return `${url}#${view}${query ? `?${query}` : ''}`;
  };
  const sel = (keys) => keys.map((key) => ['sel', key]);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const shoot = async (name, address, ready, viewport = { width: 1280, height: 800 }) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(address);
    await page.waitForSelector(ready, { timeout: 30_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${docs}${name}.png` });
    await context.close();
    console.log(`${name}.png: ${address}`);
  };
  await shoot('runs', link('runs', [['sort', 'valAccuracy~desc']]), 'table.runs tbody tr');
  await shoot('experiments', link('experiments', []), 'table.comparison');
  await shoot('hparams', link('hparams', sel(sweepRuns)), 'svg', { width: 1280, height: 1000 });
  await shoot(
    'curves',
    link('curves', [...sel(notebookRuns), ['smooth', '0.3']]),
    'figure.chart[data-metric="accuracy"] canvas',
  );
  await shoot(
    'classes',
    link('classes', [
      ...sel([named('mlp-adam'), named('mlp-sgd'), named('dropout')]),
      ['cm', 'recall'],
    ]),
    'table',
  );
  // The notebook's question: shirts taken for T-shirts (true 6, predicted 0).
  await shoot(
    'confusion-375',
    link('confusion', [
      ['run', named('mlp-adam')],
      ['cell', '6~0'],
    ]),
    'table.heatmap',
    { width: 375, height: 812 },
  );
  await browser.close();
} finally {
  server.kill('SIGTERM');
}
