import { describe, expect, it } from 'vitest';
import { isSdkError } from './errors.ts';
import { parseDataText } from './parse-data-text.ts';

const HINTS = { syntax: 'fix the syntax', alias: 'write every value out' } as const;

/** The error `parseDataText` throws on `text`, or undefined. */
const failure = (text: string, format: 'json' | 'yaml'): unknown => {
  try {
    parseDataText(text, 'w.yaml', format, HINTS);
    return undefined;
  } catch (error) {
    return error;
  }
};

describe('parseDataText', () => {
  it('refuses YAML aliases (a few lines could stand for an exponentially large document) with PARSE_FAILED and the alias hint', () => {
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    for (const text of [laughs, 'base: &b {x: 1}\nother: *b\n']) {
      const error = failure(text, 'yaml');
      expect(isSdkError(error, 'PARSE_FAILED')).toBe(true);
      expect((error as { hint?: string }).hint).toBe(HINTS.alias);
    }
  });

  it('names the YAML line and column of a syntax error, and never quotes the text', () => {
    const error = failure('version: 1\nscenarios: [hunter2', 'yaml');
    expect(isSdkError(error, 'PARSE_FAILED')).toBe(true);
    expect((error as Error).message).toMatch(/line \d+, column \d+/);
    expect((error as Error).message).not.toContain('hunter2');
    expect((failure('{"token": hunter2}', 'json') as Error).message).not.toContain('hunter2');
  });
});
