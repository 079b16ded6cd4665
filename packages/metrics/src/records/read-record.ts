import type * as z from 'zod';
import { MetricsError, type RecordIssue } from '../errors/metrics-error.js';
import { isNestedDeeperThan } from './measure-json-depth.js';

/** Records nest a handful of levels; anything deeper than this is refused before it is walked. */
const MAX_RECORD_DEPTH = 64;

/** `history[3].loss` from `['history', 3, 'loss']`. @internal */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) {
      text += text === '' ? key : `.${key}`;
    } else text += `[${JSON.stringify(String(key))}]`;
  }
  return text;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  }
  return String(value);
}

const ARTICLE: Record<string, string> = {
  number: 'a number',
  int: 'an integer',
  string: 'a string',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
};

function describeIssue(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = ARTICLE[issue.expected] ?? issue.expected;
      if (input === undefined) return `is missing (expected ${expected})`;
      if (issue.expected === 'int' && typeof input === 'number') {
        return `must be an integer, got ${describeValue(input)}`;
      }
      return `must be ${expected}, got ${describeValue(input)}`;
    }
    case 'invalid_value': {
      const allowed = issue.values.map((value) => JSON.stringify(value)).join(', ');
      return issue.values.length === 1
        ? `must be ${allowed}, got ${describeValue(input)}`
        : `must be one of ${allowed}, got ${describeValue(input)}`;
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const op =
        issue.code === 'too_small' ? (issue.inclusive ? '>=' : '>') : issue.inclusive ? '<=' : '<';
      if (issue.origin === 'string' || issue.origin === 'array') {
        const what = issue.origin === 'string' ? 'characters' : 'items';
        if (issue.message && !issue.message.startsWith('Too ')) return issue.message;
        return `must have ${op} ${String(bound)} ${what}, got ${
          typeof input === 'string' || Array.isArray(input) ? input.length : describeValue(input)
        }`;
      }
      return `must be ${op} ${String(bound)}, got ${describeValue(input)}`;
    }
    case 'invalid_format':
      if (issue.format === 'datetime') {
        return `must be an ISO 8601 date-time such as "2025-01-31T12:00:00.000Z", got ${describeValue(input)}`;
      }
      return issue.message.startsWith('Invalid')
        ? `must match ${issue.format}, got ${describeValue(input)}`
        : issue.message;
    case 'unrecognized_keys':
      return `has unknown keys ${issue.keys.join(', ')}`;
    default:
      return issue.message;
  }
}

/** Parses JSON text, or returns an already-parsed value. @internal */
export function readJson(json: unknown, what: string): unknown {
  if (typeof json !== 'string') return json;
  try {
    // A UTF-8 byte order mark (some Windows editors add one) is not part of the JSON.
    return JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json);
  } catch (cause) {
    throw new MetricsError(
      'INVALID_JSON',
      `expected the text of a ${what} (JSON), found text that is not JSON (${(cause as Error).message}). Is the file complete? Records are written atomically; a truncated file comes from elsewhere.`,
      { cause },
    );
  }
}

/**
 * Validates `value` against a record schema after checking its schema version, turning zod's
 * issues into {@link MetricsError}s that give the JSON path of each fault.
 * @internal
 */
export function readRecord<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
  version: number,
): z.output<S> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MetricsError(
      'INVALID_RECORD',
      `(root) must be an object (a ${what}), got ${describeValue(value)}. Pass the parsed content of the file or its text.`,
      { path: '(root)', issues: [{ path: '(root)', message: 'must be an object' }] },
    );
  }
  if (isNestedDeeperThan(value, MAX_RECORD_DEPTH)) {
    throw new MetricsError(
      'INVALID_RECORD',
      `invalid ${what}: it nests arrays and objects more than ${MAX_RECORD_DEPTH} levels deep, which no ${what} does. The file is damaged or from another tool; re-create it with fmnist.`,
      {
        path: '(root)',
        issues: [{ path: '(root)', message: `nested more than ${MAX_RECORD_DEPTH} levels deep` }],
      },
    );
  }
  const found = (value as { schemaVersion?: unknown }).schemaVersion;
  if (typeof found === 'number' && Number.isInteger(found) && found > version) {
    throw new MetricsError(
      'UNSUPPORTED_SCHEMA_VERSION',
      `schemaVersion: this ${what} was written by a newer fmnist (schemaVersion ${found}); this version of @fmnist/metrics reads schemaVersion ${version} and older. Upgrade fmnist (@fmnist/metrics) to read it.`,
      { path: 'schemaVersion' },
    );
  }
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const issues: RecordIssue[] = result.error.issues.map((issue) => ({
    path: formatJsonPath(issue.path),
    message: describeIssue(issue),
  }));
  const first = issues[0] as RecordIssue;
  const more =
    issues.length > 1
      ? ` (and ${issues.length - 1} more: ${issues
          .slice(1, 4)
          .map((i) => `${i.path} ${i.message}`)
          .join('; ')})`
      : '';
  throw new MetricsError(
    'INVALID_RECORD',
    `invalid ${what}: ${first.path} ${first.message}${more}. Fix the field, or re-create the file with fmnist.`,
    { path: first.path, issues },
  );
}
