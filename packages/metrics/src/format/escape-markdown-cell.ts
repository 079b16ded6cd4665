/**
 * Escapes text for a markdown table cell: backslashes and pipes escaped, line breaks as spaces.
 * @internal
 */
export function escapeMarkdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
