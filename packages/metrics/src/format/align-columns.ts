/**
 * Plain-text table: columns padded to their widest cell, two spaces apart, right-aligned except
 * the columns in `left`; trailing spaces trimmed.
 * @internal
 */
export function alignColumns(
  rows: readonly (readonly string[])[],
  left: ReadonlySet<number>,
): string {
  const columns = Math.max(0, ...rows.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, i) =>
    Math.max(0, ...rows.map((row) => [...(row[i] ?? '')].length)),
  );
  return rows
    .map((row) =>
      row
        .map((cell, i) => {
          const pad = (widths[i] ?? 0) - [...cell].length;
          return left.has(i) ? cell + ' '.repeat(pad) : ' '.repeat(pad) + cell;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
