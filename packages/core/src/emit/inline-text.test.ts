import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { inlineText } from './inline-text.ts';

describe('inlineText', () => {
  test.prop([fc.string({ unit: 'binary', maxLength: 32 })], { numRuns: 1000 })('is one line of printable text that reads back (as JSON) to the value', (value) => {
    const text = inlineText(value);
    expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
    expect(JSON.parse(text)).toBe(value);
  });
});
