// Edits of a real run directory (its record, its model files, links out of it) and the calls on them.
import { cp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Category, type CliCase, findUnsafeOutput, XSS_PAYLOADS } from './corpus-cases.js';
import { deep } from './spec-cases.js';

// biome-ignore lint/suspicious/noExplicitAny: record edits poke at arbitrary places of parsed JSON
export type Loose = Record<string, any>;

/** 35 edits of a real run directory: its record, its model files, links out of it. */
export const RECORD_EDITS: [
  string,
  (record: Loose, dir: string) => Promise<Loose | string | undefined> | Loose | string | undefined,
][] = [
  ['schemaVersion 2', (r) => ({ ...r, schemaVersion: 2 })],
  ['schemaVersion missing', ({ schemaVersion: _s, ...r }) => r],
  ['status "exploded"', (r) => ({ ...r, status: 'exploded' })],
  [
    'status running with no history',
    (r) => ({ ...r, status: 'running', history: [], metrics: undefined }),
  ],
  [
    'a history entry with loss "x"',
    (r) => {
      r.history[0].loss = 'x';
      return r;
    },
  ],
  [
    'a history of 100000 epochs',
    (r) => ({
      ...r,
      history: Array.from({ length: 100_000 }, (_, i) => ({ ...r.history[0], epoch: i + 1 })),
    }),
  ],
  [
    'epochs 1e20',
    (r) => {
      r.config.epochs = 1e20;
      return r;
    },
  ],
  [
    'negative epochs',
    (r) => {
      r.config.epochs = -5;
      return r;
    },
  ],
  [
    'a confusion matrix of 3×3',
    (r) => {
      r.confusionMatrix = [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ];
      return r;
    },
  ],
  [
    '3 class names for 10 classes',
    (r) => {
      r.classNames = ['a', 'b', 'c'];
      return r;
    },
  ],
  [
    'predictions of another length',
    (r) => {
      if (r.predictions) r.predictions.predicted = 'AAAA';
      return r;
    },
  ],
  [
    'an id with ../',
    (r) => {
      r.id = '../../../etc/passwd';
      return r;
    },
  ],
  [
    'a createdAt that is not a date',
    (r) => {
      r.createdAt = 'yesterday';
      return r;
    },
  ],
  ['nested 100000 levels deep', () => `{"schemaVersion":1,"x":${deep(100_000)}}`],
  ['an extra field nested 100000 deep', (_r, dir) => dir],
  ['a byte order mark', (r) => `\uFEFF${JSON.stringify(r)}`],
  ['cut in half', (r) => JSON.stringify(r).slice(0, 2000)],
  ['empty', () => ''],
  ['null', () => 'null'],
  ['a 1e400 loss', (r) => JSON.stringify(r).replace(/"loss":[^,}]+/, '"loss":1e400')],
  [
    'unknown fields everywhere',
    (r) => ({ ...r, extra: { a: [1, 2, { b: null }] }, config: { ...r.config, turbo: true } }),
  ],
  [
    'model.json damaged',
    async (r, dir) => {
      await writeFile(join(dir, 'model', 'model.json'), '{"modelTopology":');
      return r;
    },
  ],
  [
    'weights.bin truncated',
    async (r, dir) => {
      const weights = await readFile(join(dir, 'model', 'weights.bin'));
      await writeFile(join(dir, 'model', 'weights.bin'), weights.subarray(0, 100));
      return r;
    },
  ],
  [
    'weights.bin a link to /etc/passwd',
    async (r, dir) => {
      await rm(join(dir, 'model', 'weights.bin'));
      await symlink('/etc/passwd', join(dir, 'model', 'weights.bin'));
      return r;
    },
  ],
  [
    'model.json a link outside',
    async (r, dir) => {
      await rm(join(dir, 'model', 'model.json'));
      await symlink('/etc/hostname', join(dir, 'model', 'model.json'));
      return r;
    },
  ],
  [
    'model/ removed',
    async (r, dir) => {
      await rm(join(dir, 'model'), { recursive: true });
      return r;
    },
  ],
  ['run.json a link to /dev/zero', () => 'LINK:/dev/zero'],
  ['run.json a directory', () => 'DIR'],
  ...XSS_PAYLOADS.map((payload, i): [string, (r: Loose) => Loose] => [
    `hostile names ${i}: ${JSON.stringify(payload).slice(0, 30)}`,
    (r) => {
      r.name = payload;
      r.preset = payload;
      if (Array.isArray(r.classNames)) r.classNames[i % r.classNames.length] = payload;
      r.spec.name = payload;
      r.spec.description = payload;
      if (r.data?.source) r.data.source.location = payload;
      if (r.environment) r.environment.cpu = payload;
      return r;
    },
  ]),
];

export const XSS_START = RECORD_EDITS.length - XSS_PAYLOADS.length;

/** The record edits' calls: report (text, md, json, html --out over an old file), evaluate, compare. */
export async function writeRecordCases(
  root: string,
  baseRun: string,
  dataDir: string,
): Promise<CliCase[]> {
  const cases: CliCase[] = [];
  const baseText = await readFile(join(baseRun, 'run.json'), 'utf8');
  for (const [i, [name, edit]] of RECORD_EDITS.entries()) {
    const dir = join(root, 'records', `run-${String(i).padStart(2, '0')}`);
    await cp(baseRun, dir, { recursive: true });
    const edited = await edit(JSON.parse(baseText) as Loose, dir);
    const record = join(dir, 'run.json');
    if (edited === dir) {
      await writeFile(record, baseText.replace(/\}\s*$/, `,"x":${deep(100_000)}}`));
    } else if (edited === 'DIR') {
      await rm(record);
      await mkdir(record);
    } else if (typeof edited === 'string' && edited.startsWith('LINK:')) {
      await rm(record);
      await symlink(edited.slice(5), record);
    } else if (typeof edited === 'string') {
      await writeFile(record, edited);
    } else if (edited !== undefined) {
      await writeFile(record, JSON.stringify(edited, null, 2));
    }
    const protect = [record, join(dir, 'model', 'model.json'), join(dir, 'model', 'weights.bin')];
    const old = join(dir, '..', `old-report-${i}.html`);
    await writeFile(old, 'an old report that a failed call must keep');
    const category: Category = i >= XSS_START ? 'xss' : 'records';
    const safe = (format: 'text' | 'md') => (r: { stdout: string }) =>
      findUnsafeOutput(r.stdout, format);
    const call = (label: string, args: string[], extra: Partial<CliCase> = {}): CliCase => ({
      kind: 'cli',
      category,
      name: `${label}: ${name}`,
      args,
      expect: 'either',
      protect,
      ...extra,
    });
    cases.push(
      call('report', ['report', dir], { check: safe('text') }),
      call('report md', ['report', dir, '--format', 'md'], { check: safe('md') }),
      call('report json', ['report', dir, '--format', 'json']),
      call('report html --out', ['report', dir, '--format', 'html', '--out', old], {
        check: async (r) => {
          const html = await readFile(old, 'utf8');
          if (r.code !== 0)
            return html === 'an old report that a failed call must keep'
              ? undefined
              : 'a failed report replaced the old --out file';
          if (/<script>alert|<img src=x|<svg onload/i.test(html))
            return 'the html report carries a raw payload';
          const passwd = (await readFile('/etc/passwd')).toString('base64').slice(0, 40);
          return html.includes(passwd) ? 'the html report embeds /etc/passwd' : undefined;
        },
      }),
      call('evaluate', ['evaluate', dir, '--data-dir', dataDir], { check: safe('text') }),
      call('compare', ['compare', baseRun, dir], {
        protect: [...protect, join(baseRun, 'run.json')],
        check: safe('text'),
      }),
    );
  }
  return cases;
}
