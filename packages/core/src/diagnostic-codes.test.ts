import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createDiagnosticBuilder, defineDiagnosticCodes, type DiagnosticCodeTable } from './diagnostic-codes.ts';

type Code = 'A_ERROR' | 'B_HINTED';
const CODES: DiagnosticCodeTable<Code> = defineDiagnosticCodes({
  A_ERROR: { severity: 'error', summary: 'a fault' },
  B_HINTED: { severity: 'info', summary: 'a note', hint: 'the default hint' },
});
const diagnostic = createDiagnosticBuilder(CODES);

describe('defineDiagnosticCodes / createDiagnosticBuilder', () => {
  it('takes severity and default hint from the table and drops absent fields', () => {
    expect(diagnostic('A_ERROR', 'x is bad')).toEqual({ code: 'A_ERROR', severity: 'error', path: '', message: 'x is bad' });
    expect(diagnostic('B_HINTED', 'y', { path: '/y', file: 'f.json' })).toEqual({ code: 'B_HINTED', severity: 'info', file: 'f.json', path: '/y', message: 'y', hint: 'the default hint' });
    expect(diagnostic('B_HINTED', 'y', { hint: 'own', severity: 'warning' })).toMatchObject({ severity: 'warning', hint: 'own' });
  });

  it('rejects undeclared codes and tables that miss or add a code, at compile time', () => {
    // @ts-expect-error -- 'C_UNDECLARED' is not a declared code
    expect(() => diagnostic('C_UNDECLARED', 'm')).toThrow(TypeError);
    // @ts-expect-error -- B_HINTED is missing
    const missing: DiagnosticCodeTable<Code> = defineDiagnosticCodes({ A_ERROR: { severity: 'error', summary: 's' } });
    // @ts-expect-error -- C_EXTRA is not in the union
    const extra: DiagnosticCodeTable<Code> = defineDiagnosticCodes({ ...CODES, C_EXTRA: { severity: 'error', summary: 's' } });
    expect([missing, extra].every((t) => typeof t === 'object')).toBe(true);
  });

  test.prop([fc.constantFrom<Code>('A_ERROR', 'B_HINTED'), fc.string(), fc.option(fc.string(), { nil: undefined }), fc.option(fc.string(), { nil: undefined })])(
    'keeps code, message and given extras exactly; severity is the declared one unless stated',
    (code, message, path, hint) => {
      const d = diagnostic(code, message, { path, hint });
      expect(d.code).toBe(code);
      expect(d.message).toBe(message);
      expect(d.path).toBe(path ?? '');
      expect(d.hint).toBe(hint ?? CODES[code].hint);
      expect(d.severity).toBe(CODES[code].severity);
      expect('file' in d).toBe(false);
    },
  );
});
