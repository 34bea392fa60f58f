import { describe, expect, it } from 'vitest';
import { isSdkError } from '@deployment-manager/core';
import { createCatalog, lookupEntry } from './catalog.ts';
import { catalogRecords } from './catalog-file.ts';

describe('catalogRecords', () => {
  it('reads a list or { catalog: [...] } and merges by the one rule', () => {
    const records = catalogRecords({ catalog: [{ name: 'duckdb', daemon: false, provides: ['sql'], secrets: [] }, { name: 'postgres', ramMb: 2048 }] }, 'mine.yaml');
    const c = createCatalog(records);
    expect(lookupEntry(c, 'duckdb')?.daemon).toBe(false);
    expect(lookupEntry(c, 'postgres')?.ramMb).toBe(2048);
    expect(catalogRecords([{ name: 'x' }], 'list.json')).toEqual([{ name: 'x' }]);
  });

  it('names the file and the first bad field', () => {
    let caught: unknown;
    try {
      catalogRecords([{ name: 'x', gpu: 'maybe' }], 'bad.yaml');
    } catch (error) {
      caught = error;
    }
    expect(isSdkError(caught, 'CATALOG_INVALID')).toBe(true);
    expect((caught as Error).message).toContain('bad.yaml');
    expect((caught as Error).message).toContain('/0/gpu');
  });
});
