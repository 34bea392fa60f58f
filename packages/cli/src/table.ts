// Plain text tables for people. Widths are measured in one pass over the rows
// (never `Math.max(...rows)`: a spread of 300k rows overflows the call stack),
// and a table of a huge graph can be printed row by row from its layout.

/** A table's header and rule lines and how to render one row, for printing rows as they are made. */
export interface TableLayout {
  /** The header line. */
  readonly header: string;
  /** The rule under the header. */
  readonly rule: string;
  /** One row, padded to the column widths. */
  readonly line: (cells: readonly string[]) => string;
}

const visible = (s: string): number => s.replace(/\u001b\[[0-9;]*m/g, '').length;

/**
 * The layout of a table of `rows` under `header`: column widths fit the
 * widest cell (ANSI colour codes do not count).
 *
 * @example
 * ```ts
 * const t = tableLayout(['Name', 'Score'], rows);
 * writeLines(io, [t.header, t.rule, ...rows.map(t.line)]);
 * ```
 */
export function tableLayout(header: readonly string[], rows: readonly (readonly string[])[]): TableLayout {
  const widths = header.map(visible);
  for (const row of rows) {
    for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i] as number, visible(row[i] ?? ''));
  }
  const line = (cells: readonly string[]): string => cells.map((c, i) => c + ' '.repeat(Math.max(0, (widths[i] ?? 0) - visible(c)))).join(' | ').trimEnd();
  return { header: line(header), rule: widths.map((w) => '-'.repeat(w)).join('-|-'), line };
}

/** A plain text table as lines (header, rule, rows); widths ignore ANSI colour codes. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const t = tableLayout(header, rows);
  return [t.header, t.rule, ...rows.map(t.line)];
}
