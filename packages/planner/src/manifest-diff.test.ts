import { canonicalJson } from '@deployment-manager/bundle';
import { isSdkError } from '@deployment-manager/core';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { applyManifestDiff, diffManifests, jsonEqual } from './manifest-diff.ts';

// Objects with hostile keys ("__proto__", "", "a/b", "~1") beside ordinary JSON.
const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', '', 'a/b', '~1', '~0x', 'constructor', '0'));
const { json } = fc.letrec<{ json: unknown }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.jsonValue({ maxDepth: 1 }),
    fc.array(tie('json'), { maxLength: 4 }),
    fc.dictionary(key, tie('json'), { maxKeys: 4 }),
  ),
}));
// Pairs that share structure, so diffs reach deep instead of replacing the root.
const related = json.chain((a) => fc.tuple(fc.constant(a), fc.oneof(json, fc.constant(structuredClone(a)), fc.dictionary(key, json, { maxKeys: 2 }).map((extra) => (typeof a === 'object' && a !== null && !Array.isArray(a) ? { ...a, ...extra } : extra)))));
const same = (x: unknown, y: unknown): boolean => canonicalJson(x) === canonicalJson(y);

describe('diffManifests / applyManifestDiff', () => {
  test.prop([json], { numRuns: 200 })('diff(a, a) is empty', (a) => {
    expect(diffManifests(a, a)).toEqual([]);
    expect(diffManifests(a, structuredClone(a))).toEqual([]);
  });

  test.prop([related], { numRuns: 200 })('applying diff(a, b) to a yields b, and a is left untouched', ([a, b]) => {
    const before = canonicalJson(a);
    expect(same(applyManifestDiff(a, diffManifests(a, b)), b)).toBe(true);
    expect(canonicalJson(a)).toBe(before);
  });

  test.prop([related], { numRuns: 150 })('the reverse diff rolls b back to a', ([a, b]) => {
    const forward = applyManifestDiff(a, diffManifests(a, b));
    expect(same(applyManifestDiff(forward, diffManifests(b, a)), a)).toBe(true);
  });

  test.prop([related], { numRuns: 150 })('the diff is empty exactly when the values are equal as JSON', ([a, b]) => {
    expect(diffManifests(a, b).length === 0).toBe(same(a, b));
    expect(jsonEqual(a, b)).toBe(same(a, b));
  });

  it('diffs objects by key and arrays by index', () => {
    const a = { app: { name: 'recipe-hub', version: '3.1.0' }, services: [{ id: 'api', replicas: 1 }, { id: 'ui' }], old: true };
    const b = { app: { name: 'recipe-hub', version: '3.2.0' }, services: [{ id: 'api', replicas: 2 }], new: 'x' };
    expect(diffManifests(a, b)).toEqual([
      { op: 'replace', path: '/app/version', value: '3.2.0' },
      { op: 'add', path: '/new', value: 'x' },
      { op: 'remove', path: '/old' },
      { op: 'replace', path: '/services/0/replicas', value: 2 },
      { op: 'remove', path: '/services/1' },
    ]);
  });

  it('keeps "__proto__" as plain data and never touches a prototype', () => {
    const b = JSON.parse('{"__proto__":{"polluted":true}}') as unknown;
    const out = applyManifestDiff<Record<string, unknown>>({}, diffManifests({}, b));
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('refuses operations that do not fit the value', () => {
    const bad = (v: unknown, op: Parameters<typeof applyManifestDiff>[1][number]): boolean => {
      try {
        applyManifestDiff(v, [op]);
        return false;
      } catch (e) {
        return isSdkError(e, 'INVALID_ARGUMENT');
      }
    };
    expect(bad({}, { op: 'remove', path: '/missing' })).toBe(true);
    expect(bad({}, { op: 'replace', path: '/missing', value: 1 })).toBe(true);
    expect(bad([1], { op: 'add', path: '/5', value: 1 })).toBe(true);
    expect(bad([1], { op: 'remove', path: '/01' })).toBe(true);
    expect(bad('text', { op: 'add', path: '/x', value: 1 })).toBe(true);
    expect(bad({}, { op: 'remove', path: '' })).toBe(true);
  });
});
