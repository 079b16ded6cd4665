// Issue 18's hostile corpus, run: every case must end cleanly (a clear error saying what to do,
// exit code 1 or 2, no stack trace, no hang) or succeed with safe output, and lose nothing. The
// tally is printed at the end: tried, handled cleanly, faults survived, nothing lost.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTinyDatasetDir } from '@fmnist/dataset/testing';
import { startViewerServer } from '@fmnist/viewer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainTinyRun } from '../train-tiny-run.js';
import {
  CATEGORY_MINIMUMS,
  type Category,
  type CliCase,
  type Corpus,
  generateCorpus,
  type UrlCase,
} from './generate-corpus.js';
import { runCliInProcess } from './run-cli-in-process.js';

interface Outcome {
  category: Category;
  name: string;
  fault?: string;
  lost: boolean;
}

const outcomes: Outcome[] = [];
let corpus: Corpus;

const STACK_LINE = /\n\s+at .+[:(]\d+:\d+\)?/;
const JS_ERROR = /\b(TypeError|RangeError|ReferenceError|InternalError)\b/;
const WHAT_TO_DO =
  /\b(pass|check|run|use|fix|train|resume|re-?create|get|convert|scale|free|pick|give|try|delete|remove|download|write|upgrade|replace|allowed choices|expected)\b/i;

async function hashOf(path: string): Promise<string> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return `not a file (${info.mode})`;
    return createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  } catch (error) {
    return `unreadable: ${(error as NodeJS.ErrnoException).code}`;
  }
}

/** Run directories a failed train left behind that are empty or still say `running`. */
async function leftovers(runsDir: string): Promise<string | undefined> {
  const names = await readdir(runsDir).catch(() => [] as string[]);
  for (const name of names) {
    const dir = join(runsDir, name);
    const entries = await readdir(dir).catch(() => [] as string[]);
    if (entries.length === 0) return `left an empty run directory ${name}`;
    const text = await readFile(join(dir, 'run.json'), 'utf8').catch(() => undefined);
    if (text === undefined) return `left run directory ${name} without run.json`;
    if (/"status":\s*"running"/.test(text)) return `left run ${name} marked running`;
  }
  return undefined;
}

const errorLine = (stderr: string) =>
  (
    stderr.split('\n').find((line) => line.startsWith('error')) ??
    stderr.trim().split('\n')[0] ??
    ''
  ).slice(0, 300);

function judgeExit(
  c: CliCase,
  r: { code: number; stdout: string; stderr: string },
): string | undefined {
  if (c.expect === 'ok' && r.code !== 0) return `failed (${r.code}): ${errorLine(r.stderr)}`;
  if (c.expect === 'error' && r.code === 0) return 'accepted it (exit 0)';
  if (r.code === 0) return undefined;
  if (r.code !== 1 && r.code !== 2) return `exit code ${r.code}`;
  if (!/^error: /m.test(r.stderr)) return `no "error:" line: ${r.stderr.slice(0, 200)}`;
  if (STACK_LINE.test(r.stderr)) return 'printed a stack trace';
  if (/looks like a bug/.test(r.stderr)) return `called it a bug: ${errorLine(r.stderr)}`;
  if (JS_ERROR.test(r.stderr)) return `a raw JavaScript error: ${errorLine(r.stderr)}`;
  if (!WHAT_TO_DO.test(r.stderr)) return `does not say what to do: ${r.stderr.trim()}`;
  return undefined;
}

async function runCliCase(c: CliCase): Promise<Outcome> {
  const before = await Promise.all(c.protect.map(hashOf));
  const result = await runCliInProcess(c.args, {
    timeoutMs: c.dryRun ? 5_000 : 30_000,
    dryRun: c.dryRun,
  });
  let fault = result.timedOut ? 'no answer within the timeout (a hang)' : judgeExit(c, result);
  fault ??= await c.check?.(result);
  if (fault === undefined && result.code !== 0) {
    for (const dir of c.runsDirs ?? []) fault ??= await leftovers(dir);
  }
  const after = await Promise.all(c.protect.map(hashOf));
  const lost = before.some((hash, i) => hash !== after[i]);
  if (lost) fault ??= 'changed a file it must not touch';
  return { category: c.category, name: c.name, fault, lost };
}

function get(url: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET', timeout: 5_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

async function runUrlCase(url: string, c: UrlCase): Promise<Outcome> {
  let fault: string | undefined;
  try {
    const { status, body } = await get(url, c.path);
    if (body.includes(corpus.secret)) fault = `answered ${status} with the secret file`;
    else if (status >= 500) fault = `answered ${status}`;
  } catch (error) {
    fault = `no answer: ${(error as Error).message}`;
  }
  return { category: c.category, name: c.name, fault, lost: false };
}

function tally(): string {
  const lines = ['category    tried  handled cleanly  faults survived  nothing lost'];
  const categories = Object.keys(CATEGORY_MINIMUMS) as Category[];
  const row = (label: string, list: Outcome[]) => {
    const faults = list.filter((o) => o.fault !== undefined).length;
    const lost = list.filter((o) => o.lost).length;
    lines.push(
      `${label.padEnd(10)} ${String(list.length).padStart(6)} ${String(list.length - faults).padStart(16)} ${String(faults).padStart(16)}  ${lost === 0 ? 'yes' : `no (${lost})`}`,
    );
  };
  for (const category of categories)
    row(
      category,
      outcomes.filter((o) => o.category === category),
    );
  row('all', outcomes);
  for (const o of outcomes.filter((o) => o.fault !== undefined)) {
    lines.push(`  fault [${o.category}] ${o.name}: ${o.fault}`);
  }
  return lines.join('\n');
}

beforeAll(async () => {
  const { FMNIST_DATA_DIR: _unused, ...env } = process.env;
  process.env = {
    ...env,
    XDG_CACHE_HOME: '/nonexistent-fmnist-cache',
    FMNIST_SYSTEM_DATA_DIRS: '',
    NO_COLOR: '1',
  };
  const dataDir = await createTinyDatasetDir({ train: 200, test: 60 });
  const baseRun = await trainTinyRun(dataDir);
  corpus = await generateCorpus(await mkdtemp(join(tmpdir(), 'fmnist-hostile-')), baseRun, dataDir);
}, 120_000);

afterAll(() => {
  process.stdout.write(`\nHostile corpus tally (${corpus?.root}):\n${tally()}\n`);
});

describe('the hostile corpus', () => {
  it('has at least the categories and counts of issue 18', () => {
    for (const [category, minimum] of Object.entries(CATEGORY_MINIMUMS)) {
      const count = corpus.cases.filter((c) => c.category === category).length;
      expect(count, category).toBeGreaterThanOrEqual(minimum);
    }
  });

  it.each(['flags', 'idx', 'spec', 'predict', 'records', 'xss'] as const)(
    'handles every %s case cleanly and loses nothing',
    async (category) => {
      const results: Outcome[] = [];
      for (const c of corpus.cases) {
        if (c.kind === 'cli' && c.category === category) results.push(await runCliCase(c));
      }
      outcomes.push(...results);
      expect(
        results.filter((o) => o.fault !== undefined).map((o) => `${o.name}: ${o.fault}`),
      ).toEqual([]);
    },
    240_000,
  );

  it('stops every path-traversal URL and never serves the secret', async () => {
    const server = await startViewerServer({
      runsDir: corpus.runsDir,
      experimentsDir: join(corpus.runsDir, '..', 'experiments'),
    });
    try {
      const results: Outcome[] = [];
      for (const c of corpus.cases)
        if (c.kind === 'url') results.push(await runUrlCase(server.url, c));
      outcomes.push(...results);
      expect(
        results.filter((o) => o.fault !== undefined).map((o) => `${o.name}: ${o.fault}`),
      ).toEqual([]);
      expect((await get(server.url, '/api/index')).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
