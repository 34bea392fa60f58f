import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { isSdkError } from '../errors.ts';
import { systemdValue } from './systemd-quote.ts';

/** A unit file line as systemd reads it: `Key=value`, a trailing backslash continuing the line, `%%` a literal `%`. */
function readSetting(unit: string): { keys: string[]; value: string | undefined } {
  const logical = unit.replace(/\\\n/g, ' ').split('\n').filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('['));
  const keys = logical.map((l) => l.slice(0, l.indexOf('=')));
  const line = logical.find((l) => l.startsWith('Description='));
  return { keys, value: line?.slice('Description='.length).replace(/%%/g, '%') };
}

describe('systemdValue', () => {
  test.prop([fc.string({ unit: 'binary', maxLength: 24 })], { numRuns: 1000 })('keeps the unit structure and the value exact, or refuses it', (value) => {
    let line: string;
    try {
      line = systemdValue(value);
    } catch (error) {
      expect(isSdkError(error, 'EMIT_VALUE_INVALID')).toBe(true);
      expect(value).toMatch(/[\\\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
      return;
    }
    const read = readSetting(`[Unit]\nDescription=${line}\nAfter=docker.service\n`);
    expect(read.keys).toEqual(['Description', 'After']);
    expect(read.value).toBe(value);
  });
});
