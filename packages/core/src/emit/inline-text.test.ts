import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { inlineText } from './inline-text.ts';

describe('inlineText', () => {
  test.prop([fc.oneof(fc.string({ unit: 'binary', maxLength: 32 }), fc.string({ unit: fc.constantFrom('a', '"', '\\', '\n', '\u202e', '\u2066', '\u2069', '\u009b'), maxLength: 16 }))], { numRuns: 1000 })('is one line of printable text that reads back (as JSON) to the value', (value) => {
    const text = inlineText(value);
    expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    expect(JSON.parse(text)).toBe(value);
  });
});
