// The hostile corpus's case types, categories and the checks on output every case shares.
/** The categories of the issue, with the counts it asks for at least. */
export const CATEGORY_MINIMUMS = {
  idx: 24,
  spec: 34,
  predict: 15,
  records: 140,
  flags: 228,
  traversal: 28,
  xss: 1,
} as const;

/** One of {@link CATEGORY_MINIMUMS}' keys. */
export type Category = keyof typeof CATEGORY_MINIMUMS;

/** A command line to run in-process. */
export interface CliCase {
  kind: 'cli';
  category: Category;
  name: string;
  args: string[];
  /** Parse only (numeric flags): the command must not run. */
  dryRun?: boolean;
  /** `ok`: must succeed; `error`: must fail cleanly; `either`: either, but cleanly. */
  expect: 'ok' | 'error' | 'either';
  /** Files that must have the same bytes afterwards (inputs, records, an old --out file). */
  protect: string[];
  /** Directories a failed train must leave without an empty or `running` run directory. */
  runsDirs?: string[];
  /** Extra check on a finished call: a problem in words, or undefined. */
  check?: (result: {
    code: number;
    stdout: string;
    stderr: string;
    parsed?: Record<string, unknown>;
  }) => Promise<string | undefined> | string | undefined;
}

/** A request to the viewer's server. */
export interface UrlCase {
  kind: 'url';
  category: 'traversal';
  name: string;
  path: string;
}

/** The generated corpus: where it is, and every case. */
export interface Corpus {
  root: string;
  /** The run every record edit starts from, and the runs/ folder the viewer serves. */
  runsDir: string;
  /** Text that must never appear in an answer of the viewer or in a report (a secret file's). */
  secret: string;
  secretFile: string;
  cases: (CliCase | UrlCase)[];
}

/** Payloads for every name field: HTML/script injection and terminal escape sequences. */
export const XSS_PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '</script><script>alert(2)</script>',
  '<!--<script>',
  'javascript:alert(1)',
  '\u001b]0;pwned\u0007\u001b[2J\u001b[31mred',
  '\u001b]8;;http://evil.example\u001b\\click\u001b]8;;\u001b\\',
  '\u009b2J\u0000nul\u007f',
  '\u2028\u2029</ScRiPt >',
] as const;

/** Control characters and raw HTML that text and markdown output must not carry. */
export function findUnsafeOutput(text: string, format: 'text' | 'md'): string | undefined {
  for (const c of text) {
    const code = c.charCodeAt(0);
    if ((code < 0x20 && c !== '\n' && c !== '\t') || (code >= 0x7f && code <= 0x9f)) {
      return `output carries control character U+${code.toString(16).padStart(4, '0')}`;
    }
  }
  if (format === 'md' && /<(script|img|svg|!--)/i.test(text)) return 'markdown carries raw HTML';
  return undefined;
}
