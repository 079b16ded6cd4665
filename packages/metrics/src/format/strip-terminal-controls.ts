// ESC-introduced sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL or ESC \`, two-byte escapes),
// their one-byte C1 forms, then every other control character but tab and newline.
const ESCAPE_SEQUENCE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u009b[0-?]*[ -/]*[@-~]|\u009d[^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[ -~]?/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * `text` without terminal escape sequences or other control characters (tab and newline stay),
 * so that a run name such as `"\u001b]0;pwned\u0007"` cannot retitle, recolour or clear the
 * terminal that prints a report.
 *
 * @example
 * ```ts
 * stripTerminalControls('\u001b[31mred\u001b[0m'); // 'red'
 * ```
 */
export function stripTerminalControls(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}
