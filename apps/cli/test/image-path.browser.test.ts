// One image path (issue 17): the same PNG gives the same 784 values to `fmnist predict` (decoded in
// Node) and to the viewer's Try it (decoded by Debian's chromium), both through @fmnist/dataset's
// toGrayImage and toDatasetImage.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toDatasetImage } from '@fmnist/dataset';
import { createTinyDatasetDir, makeTinyImages } from '@fmnist/dataset/testing';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePngGray } from '../src/decode-png-gray.js';
import { encodeGrayPng } from '../src/encode-gray-png.js';
import { BIN, runCli } from './run-cli.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let root: string;
let browser: Browser;
let server: { url: string; stop: () => void };

/** Start `fmnist view <dir>` and wait for the URL it prints. */
function startView(dir: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [BIN, 'view', dir], {
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

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'fmnist-image-path-'));
  const data = await createTinyDatasetDir({ train: 300, test: 100 });
  const train = ['train', '--preset', 'mlp-adam', '--epochs', '1', '--batch-size', '50'];
  const result = await runCli([...train, '--data-dir', data, '--out', join(root, 'runs')]);
  if (result.code !== 0) throw new Error(`fmnist train failed:\n${result.stderr}`);
  await rm(data, { recursive: true, force: true });
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

describe('one image path for fmnist predict and Try it', () => {
  it('turns the same PNG into the same 784 values in Node and in chromium', async () => {
    // A dark garment on a light background, 4× upscaled as `fmnist data show --scale 4` writes it:
    // opaque grayscale, no gAMA or iCCP chunk, so no colour management touches the bytes. The
    // border rule inverts it; the old whole-canvas rule of Try it judged it by another mean.
    const garment = makeTinyImages(1, { seed: 7 }).images.map((v) => 255 - v);
    const png = encodeGrayPng(garment, 28, 28, 4);
    const node = toDatasetImage(decodePngGray(png));
    expect(node.inverted).toBe(true);

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(server.url);
    await page.waitForSelector('main h1');
    await page.click('nav a[data-view="try-it"]');
    await page.waitForSelector('#try-file');
    await page.setInputFiles('#try-file', { name: 'p.png', mimeType: 'image/png', buffer: png });
    await page.waitForSelector('#predictions li', { timeout: 60_000 });
    // Try it paints the 28×28 result as 10×10 blocks without smoothing: read each block's centre.
    const browserPixels = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('canvas.draw');
      const data = canvas?.getContext('2d')?.getImageData(0, 0, 280, 280).data;
      if (!data) return [];
      return Array.from({ length: 784 }, (_, p) => {
        const x = (p % 28) * 10 + 5;
        const y = Math.floor(p / 28) * 10 + 5;
        return data[(y * 280 + x) * 4] ?? -1;
      });
    });
    await context.close();
    expect(problems).toEqual([]);
    expect(browserPixels).toEqual(Array.from(node.pixels));
  }, 120_000);
});
