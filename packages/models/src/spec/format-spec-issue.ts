import type { z } from 'zod';
import { formatValue } from '../util/format-value.js';
import { formatDidYouMean } from '../util/suggest-closest.js';
import { LAYER_SCHEMAS, modelSpecSchema, OPTIMIZER_SCHEMAS } from './model-spec-schema.js';

type PathKey = PropertyKey;

/** `layers[2].units` from `['layers', 2, 'units']`; the root is called `spec`. */
export function formatSpecPath(path: readonly PathKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? 'spec' : text;
}

function readAtPath(root: unknown, path: readonly PathKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function quoteList(values: readonly unknown[]): string {
  return values.map((value) => formatValue(value)).join(', ');
}

/** The options an object at `path` may have, and what to call it, for unknown-key messages. */
function describeAllowedKeys(
  root: unknown,
  path: readonly PathKey[],
): { owner: string; keys: string[] } {
  const value = readAtPath(root, path);
  const type = (value as { type?: unknown; name?: unknown } | undefined)?.type;
  const name = (value as { name?: unknown } | undefined)?.name;
  if (path.length === 2 && path[0] === 'layers' && typeof type === 'string') {
    const schema = (LAYER_SCHEMAS as Record<string, { shape: object }>)[type];
    if (schema) return { owner: `a ${type} layer`, keys: Object.keys(schema.shape) };
  }
  if (path.length === 1 && path[0] === 'optimizer' && typeof name === 'string') {
    const canonical = name.toLowerCase();
    const schema = (OPTIMIZER_SCHEMAS as Record<string, { shape: object }>)[canonical];
    if (schema) return { owner: canonical, keys: Object.keys(schema.shape) };
  }
  return { owner: 'a model spec', keys: Object.keys(modelSpecSchema.shape) };
}

/**
 * Fallback messages for issues the schema does not word itself (wrong types, enum values).
 * Passed to zod per parse, so the shared zod configuration is left alone.
 */
export function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type') {
    const article = /^[aeiou]/.test(issue.expected) ? 'an' : 'a';
    return `must be ${article} ${issue.expected}, got ${formatValue(issue.input)}`;
  }
  if (issue.code === 'invalid_value') {
    const input = issue.input;
    const hint =
      typeof input === 'string'
        ? formatDidYouMean(
            input,
            issue.values.filter((v): v is string => typeof v === 'string'),
          )
        : '';
    return `must be one of ${quoteList(issue.values)}, got ${formatValue(input)}${hint}`;
  }
  return undefined;
}

/** One path-precise message for a zod issue met while parsing `root`. */
export function formatSpecIssue(issue: z.core.$ZodIssue, root: unknown): string {
  const where = formatSpecPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const { owner, keys } = describeAllowedKeys(root, issue.path);
    const unknown = issue.keys
      .map((key) => `${JSON.stringify(key)}${formatDidYouMean(key, keys)}`)
      .join(', ');
    const noun = issue.keys.length === 1 ? 'option' : 'options';
    return `${where} has unknown ${noun} ${unknown}: ${owner} takes ${keys.join(', ')}`;
  }
  if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator) {
    const found = readAtPath(root, issue.path);
    const options = (issue as { options?: unknown[] }).options ?? [];
    const candidates = options.filter((v): v is string => typeof v === 'string');
    if (found === undefined) {
      return `${where} is missing: it must be one of ${quoteList(candidates)}`;
    }
    const hint = typeof found === 'string' ? formatDidYouMean(found, candidates) : '';
    return `${where} must be one of ${quoteList(candidates)}, got ${formatValue(found)}${hint}`;
  }
  const found = readAtPath(root, issue.path);
  if (found === undefined && issue.path.length > 0) {
    return `${where} is missing: it ${issue.message.replace(/, got nothing$/, '')}`;
  }
  return `${where} ${issue.message}`;
}
