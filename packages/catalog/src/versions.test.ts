import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { DEFAULT_CATALOG, lookupEntry } from './catalog.ts';
import { checkVersion } from './versions.ts';

const pg = lookupEntry(DEFAULT_CATALOG, 'postgres')!;
const managed = lookupEntry(DEFAULT_CATALOG, 'managed-postgres')!;
const sqlite = lookupEntry(DEFAULT_CATALOG, 'sqlite')!;

describe('checkVersion', () => {
  it.each([
    [pg, '>=15', 'ok'],
    [pg, '<15', 'unsatisfied'],
    [pg, '^16', 'ok'],
    [managed, '>=15', 'ok'],
    [managed, '14.x', 'unsatisfied'],
    [sqlite, '<15', 'not-applicable'],
    [pg, 'latest', 'no-range'],
    [pg, '', 'no-range'],
    [pg, 'banana', 'bad-range'],
  ] as const)('%# %s %s', (entry, range, status) => {
    expect(checkVersion(entry, 'postgres', range).status).toBe(status);
  });

  it('has nothing to check without a version', () => {
    expect(checkVersion({ name: 'x', compatibleWith: [] }, 'x', '>=1').status).toBe('unknown-version');
  });

  test.prop([fc.nat(40), fc.nat(40)], { numRuns: 200 })('a record at major M satisfies >=N exactly when M >= N', (m, n) => {
    expect(checkVersion({ name: 'x', version: `${m}.1`, compatibleWith: [] }, 'x', `>=${n}`).status).toBe(m >= n ? 'ok' : 'unsatisfied');
  });
});
