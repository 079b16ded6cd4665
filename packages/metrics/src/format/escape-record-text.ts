import { stripTerminalControls } from './strip-terminal-controls.js';

const HTML_SPECIAL = /[&<>]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** A string of a record made safe to put in markdown: no control characters, no raw HTML. */
function escapeMarkdownText(text: string): string {
  return stripTerminalControls(text).replace(HTML_SPECIAL, (c) => ENTITY[c] ?? c);
}

/**
 * A copy of `value` (a record) with every string made safe for a markdown report: terminal
 * escapes and control characters removed, `&`, `<` and `>` written as entities, so that a run
 * named `<img src=x onerror=…>` shows as text wherever report.md is rendered. Records are at most
 * 64 levels deep (see readRecord), so the recursion is shallow.
 * @internal
 */
export function escapeRecordText<T>(value: T): T {
  if (typeof value === 'string') return escapeMarkdownText(value) as T;
  if (Array.isArray(value)) return value.map(escapeRecordText) as T;
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, entry]) => [key, escapeRecordText(entry)]),
  ) as T;
}
