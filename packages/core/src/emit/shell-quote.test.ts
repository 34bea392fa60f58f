import { execFileSync } from 'node:child_process';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isSdkError } from '../errors.ts';
import { shellDefault, shellPrint, shellQuote, shellVar } from './shell-quote.ts';

// Any string a shell word can hold (everything but NUL), arbitrary code units included.
const word = fc.string({ unit: 'binary', maxLength: 24 }).filter((s) => !s.includes('\0'));

describe('shellQuote: the one shell quoting rule', () => {
  // One sh per batch of 50 words (1,000 words in all): printf ends each word it is given with a NUL, so the words read back one by one.
  const latin1 = (words: readonly string[]): string => Buffer.from(words.map((w) => `${w}\0`).join(''), 'utf8').toString('latin1');
  test.prop([fc.array(word, { minLength: 50, maxLength: 50 })], { numRuns: 20 })('any string round-trips through sh unchanged, with nothing expanded', (words) => {
    expect(execFileSync('sh', ['-c', `printf '%s\\0' ${words.map(shellQuote).join(' ')}`], { encoding: 'latin1' })).toBe(latin1(words));
  });

  test.prop([fc.array(fc.tuple(word, word), { minLength: 10, maxLength: 10 })], { numRuns: 10 })('shellPrint prints the text and shellDefault keeps a given value', (pairs) => {
    expect(execFileSync('sh', ['-c', pairs.map(([a, b]) => shellPrint(a, b)).join('\n')], { encoding: 'latin1' })).toBe(latin1(pairs.map(([a, b]) => `${a}${b}\n`)).replace(/\0/g, ''));
    // Each default in a subshell of its own, its value ended by a NUL; V given by the caller wins over every default.
    const script = pairs.map(([a]) => `(${shellDefault('V', a)}; printf '%s\\0' "$V")`).join('\n');
    expect(execFileSync('sh', ['-c', script], { encoding: 'latin1', env: { PATH: process.env['PATH'] ?? '' } })).toBe(latin1(pairs.map(([a]) => a)));
    expect(execFileSync('sh', ['-c', script], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', V: 'given' } })).toBe('given\0'.repeat(pairs.length));
  });

  it('refuses NUL, which no shell word holds, with EMIT_VALUE_INVALID', () => {
    expect(() => shellQuote('a\0b')).toThrow(expect.objectContaining({ code: 'EMIT_VALUE_INVALID' }));
    try {
      shellDefault('NOT A NAME', 'x');
    } catch (error) {
      expect(isSdkError(error, 'EMIT_VALUE_INVALID')).toBe(true);
    }
  });

  test.prop([fc.string({ unit: 'binary', maxLength: 16 })], { numRuns: 1000 })('shellVar is always a variable name', (id) => {
    expect(shellVar(id)).toMatch(/^[A-Z_][A-Z0-9_]*$/);
  });
});
