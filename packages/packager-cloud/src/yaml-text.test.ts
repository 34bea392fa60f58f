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
});
