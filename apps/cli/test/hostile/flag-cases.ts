// Hostile values of every numeric flag, and requests that try to leave the viewer's folders.
import type { CliCase, UrlCase } from './corpus-cases.js';

/** Integer and number flags, each given the same 19 hostile values and a few good ones. */
export const FLAG_VALUES = [
  '0',
  '-1',
  '1.5',
  '1e3',
  '0x10',
  '0b11',
  '1_000',
  'NaN',
  'Infinity',
  '-Infinity',
  '',
  '  ',
  '99999999999999999999',
  '9007199254740993',
  '2147483648',
  '-2147483649',
  '12abc',
  '١٢',
  '1e-400',
];

export const FLAGS: {
  args: string[];
  flag: string;
  key: string;
  integer: boolean;
  good: string[];
}[] = [
  {
    args: ['train', '--preset', 'mlp-adam'],
    flag: '--epochs',
    key: 'epochs',
    integer: true,
    good: ['1', '100'],
  },
  {
    args: ['train', '--preset', 'mlp-adam'],
    flag: '--batch-size',
    key: 'batchSize',
    integer: true,
    good: ['200'],
  },
  {
    args: ['train', '--preset', 'mlp-adam'],
    flag: '--seed',
    key: 'seed',
    integer: true,
    good: ['-3', '42'],
  },
  {
    args: ['train', '--preset', 'mlp-adam'],
    flag: '--early-stopping',
    key: 'earlyStopping',
    integer: true,
    good: ['5'],
  },
  {
    args: ['train', '--preset', 'mlp-adam'],
    flag: '--reduce-lr',
    key: 'reduceLr',
    integer: true,
    good: ['3'],
  },
  {
    args: ['train', '--preset', 'mlp-sgd'],
    flag: '--lr',
    key: 'lr',
    integer: false,
    good: ['0.01'],
  },
  {
    args: ['train', '--preset', 'mlp-sgd'],
    flag: '--momentum',
    key: 'momentum',
    integer: false,
    good: ['0.9'],
  },
  {
    args: ['train', '--preset', 'mlp-adam'],
    flag: '--validation-size',
    key: 'validationSize',
    integer: false,
    good: ['0.1', '6000'],
  },
  { args: ['data', 'show'], flag: '--scale', key: 'scale', integer: true, good: ['8'] },
  { args: ['data', 'show'], flag: '--index', key: 'index', integer: true, good: ['3'] },
  { args: ['predict', 'run', 'x.png'], flag: '--top', key: 'top', integer: true, good: ['3'] },
  { args: ['bench'], flag: '--steps', key: 'steps', integer: true, good: ['20'] },
  { args: ['experiment', 'notebook'], flag: '--jobs', key: 'jobs', integer: true, good: ['2'] },
  { args: ['view'], flag: '--port', key: 'port', integer: true, good: ['0', '8080'] },
];

/** What an accepted numeric value may be: a number the text means, well inside 2^53 and 2^31. */
export function checkAccepted(text: string, value: unknown, integer: boolean): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value))
    return `accepted ${JSON.stringify(text)} as ${String(value)}`;
  if (integer && (!Number.isSafeInteger(value) || Math.abs(value) > 2 ** 31))
    return `accepted ${JSON.stringify(text)} as ${value}, beyond a sensible bound`;
  if (!/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(text))
    return `accepted ${JSON.stringify(text)}, which is not a plain number`;
  if (value !== 0 && Math.abs(value) < 1e-300)
    return `accepted ${JSON.stringify(text)} as a denormal`;
  return undefined;
}

export function flagCases(): CliCase[] {
  const cases: CliCase[] = [];
  for (const { args, flag, key, integer, good } of FLAGS) {
    for (const text of [...FLAG_VALUES, ...good]) {
      cases.push({
        kind: 'cli',
        category: 'flags',
        name: `${args[0]} ${flag} ${JSON.stringify(text)}`,
        args: [...args, `${flag}=${text}`],
        dryRun: true,
        expect: good.includes(text) ? 'ok' : 'either',
        protect: [],
        check: (r) => (r.code === 0 ? checkAccepted(text, r.parsed?.[key], integer) : undefined),
      });
    }
  }
  return cases;
}

/** 30 requests that try to leave the viewer's folders, and two that may be answered. */
export function traversalCases(key: string): UrlCase[] {
  const run = `/api/runs/${encodeURIComponent(key)}`;
  const paths = [
    '/../../../../etc/passwd',
    '/..%2f..%2f..%2f..%2fetc%2fpasswd',
    '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/%252e%252e/%252e%252e/etc/passwd',
    '/..\\..\\..\\etc\\passwd',
    '/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd',
    '/assets/../../../../../etc/passwd',
    '//etc/passwd',
    '/index.html%00../../etc/passwd',
    '/%2fetc%2fpasswd',
    `${run}/..%2f..%2f..%2fsecret.txt`,
    `${run}/model%2f..%2f..%2f..%2fsecret.txt`,
    `${run}/model/..%2f..%2f..%2fsecret.txt`,
    `${run}/model/%2e%2e/%2e%2e/secret.txt`,
    `${run}/model/weights.bin`,
    `${run}/model/secret-link`,
    `${run}/checkpoint/state.json`,
    `${run}/..`,
    `${run}/run.json%00.png`,
    `${run}/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.txt`,
    `/api/runs/${encodeURIComponent('runs/../../secret.txt')}/run.json`,
    `/api/runs/${encodeURIComponent('../outside')}/run.json`,
    `/api/runs/${encodeURIComponent('runs/linked-out')}/run.json`,
    '/api/runs/%2e%2e/run.json',
    '/api/runs/%E0%A4%A/run.json',
    `/api/index/../../../secret.txt`,
    `/api/../../secret.txt`,
    `/${'../'.repeat(200)}etc/passwd`,
    `/${'a'.repeat(60_000)}`,
    `${run}/run.json`,
  ];
  return paths.map((path) => ({
    kind: 'url',
    category: 'traversal',
    name: path.slice(0, 80),
    path,
  }));
}
