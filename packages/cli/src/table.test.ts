import { describe, expect, it } from 'vitest';
import { table, tableLayout } from './table.ts';

describe('table', () => {
  it('pads every column to its widest cell, ignoring colour codes', () => {
    expect(table(['Name', 'Score'], [['postgres', '\u001b[31m40\u001b[0m'], ['sqlite', '95']])).toEqual([
      'Name     | Score',
      '---------|------',
      'postgres | \u001b[31m40\u001b[0m',
      'sqlite   | 95',
    ]);
  });

  it('lays out 300k rows (a huge graph) without a call-stack overflow', () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => [`r${i}`, '1']);
    const layout = tableLayout(['Dependency', 'Fitness'], rows);
    expect([layout.header, layout.line(rows[299_999] as string[])]).toEqual(['Dependency | Fitness', 'r299999    | 1']);
  });
});
