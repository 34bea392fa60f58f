import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { isSdkError } from '@deployment-manager/core';
import { REDACTED, assertNoSecretValues, findSecretLeaks, redact } from './redact.ts';

describe('redact', () => {
  it('replaces every occurrence, longest value first', () => {
    expect(redact('a=abc123 b=abc123456 c=abc123', ['abc123', 'abc123456'])).toBe(`a=${REDACTED} b=${REDACTED} c=${REDACTED}`);
    expect(redact('nothing here', ['zzz', ''])).toBe('nothing here');
  });

  test.prop([fc.string({ minLength: 8, maxLength: 40 }), fc.array(fc.string(), { maxLength: 5 })], { numRuns: 200 })(
    'no value survives redaction',
    (value, parts) => {
      const text = parts.join(value) + value;
      expect(redact(text, [value], '\u0000').includes(value)).toBe(false);
    },
  );
});

describe('assertNoSecretValues', () => {
  it('names the leaking outputs, never the value', () => {
    const value = 'leaky-value-0123456789';
    expect(findSecretLeaks({ 'a.json': `{"x":"${value}"}`, 'b.env': 'X=' }, [value])).toEqual(['a.json']);
    try {
      assertNoSecretValues({ 'a.json': `{"x":"${value}"}` }, [value]);
      expect.unreachable();
    } catch (e) {
      expect(isSdkError(e, 'SECRET_LEAK')).toBe(true);
      expect(JSON.stringify(e) + String(e)).not.toContain(value);
    }
    expect(() => assertNoSecretValues({ 'b.env': 'X=' }, [value])).not.toThrow();
  });
});
