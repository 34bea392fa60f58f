import { execFileSync } from 'node:child_process';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isSdkError } from '../errors.ts';
import { shellDefault, shellPrint, shellQuote, shellVar } from './shell-quote.ts';

// Any string a shell word can hold (everything but NUL), arbitrary code units included.
const word = fc.string({ unit: 'binary', maxLength: 24 }).filter((s) => !s.includes('\0'));

describe('shellQuote: the one shell quoting rule', () => {
  test.prop([word], { numRuns: 1000 })('any string round-trips through sh unchanged, with nothing expanded', (w) => {
    expect(execFileSync('sh', ['-c', `printf '%s' ${shellQuote(w)}`], { encoding: 'latin1' })).toBe(Buffer.from(w, 'utf8').toString('latin1'));
  });

  test.prop([word, word], { numRuns: 100 })('shellPrint prints the text and shellDefault keeps a given value', (a, b) => {
    expect(execFileSync('sh', ['-c', shellPrint(a, b)], { encoding: 'latin1' })).toBe(Buffer.from(`${a}${b}\n`, 'utf8').toString('latin1'));
    const script = `${shellDefault('V', a)}; printf '%s' "$V"`;
    expect(execFileSync('sh', ['-c', script], { encoding: 'latin1', env: { PATH: process.env['PATH'] ?? '' } })).toBe(Buffer.from(a, 'utf8').toString('latin1'));
    expect(execFileSync('sh', ['-c', script], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', V: 'given' } })).toBe('given');
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
