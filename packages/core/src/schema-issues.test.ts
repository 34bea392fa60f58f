import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { createDiagnosticBuilder, defineDiagnosticCodes, type DiagnosticCodeTable } from './diagnostic-codes.ts';
import { schemaIssues } from './schema-issues.ts';

type Code = 'X_SCHEMA' | 'X';
const CODES: DiagnosticCodeTable<Code> = defineDiagnosticCodes({
  X_SCHEMA: { severity: 'error', summary: 'x.json violates its schema' },
  X: { severity: 'error', summary: 'anything else' },
});
const diagnostic = createDiagnosticBuilder(CODES);

const validate = new Ajv({ allErrors: true, strict: false }).compile({
  type: 'object',
  additionalProperties: false,
  properties: { port: { anyOf: [{ type: 'integer' }, { type: 'string', pattern: '^\\$\\{' }] }, name: { type: 'string' } },
});

describe('schemaIssues', () => {
  it('names the unknown property, drops the anyOf umbrella and keeps one issue per fault', () => {
    expect(validate({ port: true, extra: 1 })).toBe(false);
    const issues = schemaIssues(validate.errors, { diagnostic, code: 'X_SCHEMA', subject: 'x.json', file: 'x.json', hint: 'fix it' });
    expect(issues.map((i) => [i.code, i.severity, i.path])).toEqual([
      ['X_SCHEMA', 'error', ''],
      ['X_SCHEMA', 'error', '/port'],
      ['X_SCHEMA', 'error', '/port'],
    ]);
    expect(issues[0]?.message).toBe('x.json (root) must NOT have additional properties ("extra")');
    expect(issues.some((i) => i.message.includes('anyOf'))).toBe(false);
    expect(issues[0]).toMatchObject({ file: 'x.json', hint: 'fix it' });
  });

  it('keeps umbrella errors when they are all there is, and returns nothing without errors', () => {
    const only = schemaIssues([{ instancePath: '/a', schemaPath: '#', keyword: 'anyOf', params: {}, message: 'must match a schema in anyOf' }], { diagnostic, code: 'X', subject: 's', hint: 'h' });
    expect(only.map((i) => i.message)).toEqual(['s /a must match a schema in anyOf']);
    expect(schemaIssues(null, { diagnostic, code: 'X', subject: 's', hint: 'h' })).toEqual([]);
  });
});
