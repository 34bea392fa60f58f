import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_INPUT_BYTES } from '@deployment-manager/core';
import { backoffDelay, cacheKey, createFileCacheStore, createFreshnessCache, createMemoryCacheStore, DEFAULT_MAX_AGE_MS } from '../src/index.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'dm-clients-cache-'));
  dirs.push(d);
  return d;
}

describe('createFreshnessCache', () => {
  it('reports age from when the data was produced, and stale past the limit (default 7 days)', async () => {
    let now = 1_000_000;
    const cache = createFreshnessCache({ now: () => now });
    expect(cache.maxAgeMs).toBe(DEFAULT_MAX_AGE_MS);
    await cache.set('k', { a: 1 }, now - 5000);
    expect(await cache.get('k')).toEqual({ value: { a: 1 }, ageMs: 5000, stale: false, producedAt: now - 5000, cached: true });
    now += DEFAULT_MAX_AGE_MS;
    expect((await cache.get('k'))?.stale).toBe(true);
    expect(await cache.get('missing')).toBeUndefined();
  });

  it('never reports a negative age (clock skew)', async () => {
    const cache = createFreshnessCache({ now: () => 100 });
    expect((await cache.set('k', 1, 500)).ageMs).toBe(0);
  });

  it('loads on a miss, keeps stale data unless asked, refreshes if-stale or always', async () => {
    let now = 0;
    let calls = 0;
    const cache = createFreshnessCache({ maxAgeMs: 10, now: () => now });
    const loader = async () => ({ value: ++calls });
    expect((await cache.load('k', loader)).value).toBe(1);
    now = 5;
    expect(await cache.load('k', loader, 'if-stale')).toMatchObject({ value: 1, cached: true, stale: false });
    now = 20;
    expect(await cache.load('k', loader)).toMatchObject({ value: 1, stale: true });
    expect(await cache.load('k', loader, 'if-stale')).toMatchObject({ value: 2, stale: false, cached: false });
    expect((await cache.load('k', loader, 'always')).value).toBe(3);
    expect(calls).toBe(3);
  });

  it('does not let callers mutate what the memory store holds', async () => {
    const cache = createFreshnessCache({ store: createMemoryCacheStore() });
    const value = { list: [1] };
    await cache.set('k', value);
    value.list.push(2);
    const got = await cache.get<{ list: number[] }>('k');
    got?.value.list.push(3);
    expect((await cache.get('k'))?.value).toEqual({ list: [1] });
  });

  it('rejects a negative limit', () => {
    expect(() => createFreshnessCache({ maxAgeMs: -1 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('createFileCacheStore', () => {
  it('round-trips entries through files and survives a new store on the same directory', async () => {
    const dir = tempDir();
    const a = createFreshnessCache({ store: createFileCacheStore(dir), now: () => 50 });
    await a.set('picker-wheel#abc', { report: { scenario: 'picker-wheel' } }, 10);
    const b = createFreshnessCache({ store: createFileCacheStore(dir), now: () => 60 });
    expect(await b.get('picker-wheel#abc')).toEqual({ value: { report: { scenario: 'picker-wheel' } }, ageMs: 50, stale: false, producedAt: 10, cached: true });
    await b.delete('picker-wheel#abc');
    expect(await b.get('picker-wheel#abc')).toBeUndefined();
  });

  it('reads a corrupt file as a miss', async () => {
    const dir = tempDir();
    const store = createFileCacheStore(dir);
    await store.set('k', { value: 1, storedAt: 1, producedAt: 1 });
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file as string), '{not json');
    expect(await store.get('k')).toBeUndefined();
  });

  it('reads a FIFO, a device or an over-cap file at an entry path as a miss, and writes through no link', async () => {
    const dir = tempDir();
    const store = createFileCacheStore(dir);
    await store.set('k', { value: 1, storedAt: 1, producedAt: 1 });
    const [name] = readdirSync(dir);
    const entry = join(dir, name as string);
    const hostile: readonly (readonly [string, () => void])[] = [
      ['fifo', () => execFileSync('mkfifo', [entry])],
      ['link to /dev/zero', () => symlinkSync('/dev/zero', entry)],
      ['sparse file over the cap', () => {
        writeFileSync(entry, '');
        truncateSync(entry, DEFAULT_MAX_INPUT_BYTES + 1);
      }],
    ];
    const misses: Record<string, unknown> = {};
    for (const [label, make] of hostile) {
      rmSync(entry, { force: true });
      make();
      misses[label] = await store.get('k');
    }
    expect(misses).toEqual({ fifo: undefined, 'link to /dev/zero': undefined, 'sparse file over the cap': undefined });

    const outside = join(tempDir(), 'outside.json');
    writeFileSync(outside, 'kept');
    rmSync(entry, { force: true });
    symlinkSync(outside, entry);
    await store.set('k', { value: 2, storedAt: 2, producedAt: 2 });
    expect([readFileSync(outside, 'utf8'), (await store.get('k'))?.value, readdirSync(dir)]).toEqual(['kept', 2, [name]]);
  });

  it('fails INVALID_ARGUMENT when the directory cannot be written', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), 'x');
    const store = createFileCacheStore(join(dir, 'file', 'sub'));
    await expect(store.set('k', { value: 1, storedAt: 1, producedAt: 1 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

const json = fc.jsonValue({ maxDepth: 3 });

describe('cacheKey', () => {
  test.prop([fc.string({ minLength: 1 }), fc.dictionary(fc.string(), json, { maxKeys: 6 })], { numRuns: 150 })(
    'does not depend on key order, and names the scenario',
    (scenario, inputs) => {
      const reversed = Object.fromEntries(Object.entries(inputs).reverse());
      expect(cacheKey(scenario, reversed)).toBe(cacheKey(scenario, inputs));
      expect(cacheKey(scenario, inputs).startsWith(`${scenario}#`)).toBe(true);
    },
  );

  test.prop([fc.string({ minLength: 1 }), json, json], { numRuns: 150 })('differs when the inputs differ', (scenario, a, b) => {
    fc.pre(JSON.stringify(a) !== JSON.stringify(b));
    fc.pre(!(typeof a === 'object' && typeof b === 'object')); // key order aside, objects may be equal
    expect(cacheKey(scenario, { a })).not.toBe(cacheKey(scenario, { a: b }));
  });
});

describe('backoffDelay', () => {
  test.prop([fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 60_000 }), fc.double({ min: 0, max: 1, noNaN: true })], { numRuns: 200 })(
    'stays within [half, full] of the capped exponential step',
    (attempt, baseMs, maxMs, r) => {
      const step = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
      const d = backoffDelay(attempt, { baseMs, maxMs, random: () => r });
      expect(d).toBeGreaterThanOrEqual(Math.floor(step / 2));
      expect(d).toBeLessThanOrEqual(Math.ceil(step));
    },
  );

  test.prop([fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 1000 })], { numRuns: 100 })('grows with the attempt for a fixed jitter until the cap', (attempt, baseMs) => {
    const o = { baseMs, maxMs: 1e9, random: () => 0.5 };
    expect(backoffDelay(attempt + 1, o)).toBeGreaterThanOrEqual(backoffDelay(attempt, o));
  });
});
