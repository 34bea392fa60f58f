import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { ENV_NAME_PATTERN, isEnvName } from './env-name.ts';

describe('isEnvName', () => {
  it('takes a letter or _ first, then letters, digits and _ only', () => {
    for (const name of ['A', '_', 'WIN_CSC_KEY_PASSWORD', 'api_key', '_9', 'x1']) expect([name, isEnvName(name)]).toEqual([name, true]);
    for (const name of ['', '1X', '9', 'a-b', 'a.b', 'A;rm -rf /', 'A B', 'Ä', 'A\n', '\nA', '$A', 'A=1']) expect([name, isEnvName(name)]).toEqual([name, false]);
  });

  test.prop([fc.string({ unit: 'binary', maxLength: 12 })], { numRuns: 1000 })('agrees with the pattern every schema carries, and a name is only ever ASCII', (name) => {
    expect(isEnvName(name)).toBe(new RegExp(ENV_NAME_PATTERN).test(name));
    if (isEnvName(name)) expect(name).toMatch(/^[\x21-\x7e]+$/);
  });
});
