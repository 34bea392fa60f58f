import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toSortedYaml, toYaml } from './yaml-text.ts';

describe('the YAML emitter', () => {
  it('writes `<<` as a string, never as YAML 1.1\'s merge key: it reads back as the same key and value', () => {
    const value = { services: { '<<': { image: 'x' }, api: { '<<': 'y', command: ['<<'] } } };
    for (const text of [toYaml(value), toSortedYaml(value)]) {
      expect(parse(text, { version: '1.1' })).toEqual(value);
      expect(text).not.toMatch(/^\s*<<:/m);
    }
  });

  it('reads back a long string whose lines hold only spaces (a CI seed: a health path of "\\n \\n\'" in a healthcheck)', () => {
    const long = "wget -q -O /dev/null 'http://127.0.0.1:3000\n \n'\\''' || curl -fsS 'http://127.0.0.1:3000\n \n'\\'''";
    const value = { test: ['CMD-SHELL', long], more: [`${'x'.repeat(40)}\n  \n\t \n`, `${'y'.repeat(40)} \n \n`] };
    for (const text of [toYaml(value), toSortedYaml(value)]) expect(parse(text, { version: '1.1' })).toEqual(value);
  });
});

