import { fc, test } from '@fast-check/vitest';
import { parse } from 'dotenv';
import { describe, expect } from 'vitest';
import { isSdkError } from '../errors.ts';
import { dotenvLine } from './dotenv-quote.ts';

describe('dotenvLine', () => {
  test.prop([fc.oneof(fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,8}$/), fc.string({ unit: 'binary', maxLength: 8 })), fc.string({ unit: 'binary', maxLength: 24 })], { numRuns: 1000 })(
    'the dotenv parser reads back exactly one variable with exactly the value, or the value is refused',
    (name, value) => {
      let line: string;
      try {
        line = dotenvLine(name, value);
      } catch (error) {
        expect(isSdkError(error, 'EMIT_VALUE_INVALID')).toBe(true);
        return;
      }
      expect(parse(`${line}\nAFTER=1\n`)).toEqual({ [name]: value, AFTER: '1' });
    },
  );
});
