import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { isSdkError } from '@deployment-manager/core';
import { describe, expect, it } from 'vitest';
import { cloudManifest, desktopManifest, mobileManifest } from '../test/manifests.ts';
import { canonicalJson, prettyJson } from './canonical.ts';
import { exportCanonical, sha256Hex } from './canonical-export.ts';
import { verifyExport, writeExport } from './export-file.ts';

/** Rebuilds a JSON value with every object's keys in a shuffled order (a permutation per object). */
function shuffleKeys(value: unknown, order: readonly number[]): unknown {
  let n = 0;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v !== 'object' || v === null) return v;
    const entries = Object.entries(v);
    const shift = (order[n++ % Math.max(order.length, 1)] ?? 0) % Math.max(entries.length, 1);
    const rotated = [...entries.slice(shift), ...entries.slice(0, shift)].reverse();
    const out: Record<string, unknown> = {};
    for (const [k, x] of rotated) Object.defineProperty(out, k, { value: walk(x), enumerable: true, writable: true, configurable: true });
    return out;
  };
  return walk(value);
}

const manifests = fc.constantFrom(desktopManifest(), cloudManifest(), mobileManifest());
// -0 is not I-JSON-distinguishable (it serializes as 0), so values are compared after one JSON round trip.
const jsonValues = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);

describe('canonical export', () => {
  it('sorts keys, drops whitespace and formats numbers as RFC 8785 does', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 1e21, y: 0.1, x: -0 } })).toBe('{"a":[true,null,"x"],"b":1,"c":{"x":0,"y":0.1,"z":1e+21}}');
    expect(canonicalJson({ '\u20ac': 1, '\r': 2, a: 3 })).toBe('{"\\r":2,"a":3,"\u20ac":1}');
  });

  it('refuses values JSON cannot hold, with INVALID_ARGUMENT', () => {
    for (const bad of [{ a: undefined }, { n: Number.NaN }, [Infinity], { f: () => 1 }, new Date(0), { d: new Map() }]) {
      let caught: unknown;
      try {
        canonicalJson(bad);
      } catch (e) {
        caught = e;
      }
      expect(isSdkError(caught, 'INVALID_ARGUMENT')).toBe(true);
    }
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow();
  });

  test.prop([fc.oneof(manifests, jsonValues)], { numRuns: 150 })('parse(export(m)) deep-equals m', (m) => {
    expect(JSON.parse(exportCanonical(m).text)).toEqual(m);
  });

  test.prop([fc.oneof(manifests, jsonValues), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), fc.constantFrom(0, 2, '\t')], { numRuns: 150 })(
    'the checksum does not depend on key order or whitespace of the input',
    (m, order, indent) => {
      const reordered = JSON.parse(JSON.stringify(shuffleKeys(m, order), null, indent)) as unknown;
      expect(exportCanonical(reordered).sha256).toBe(exportCanonical(m).sha256);
      expect(exportCanonical(reordered).text).toBe(exportCanonical(m).text);
    },
  );

  test.prop([manifests], { numRuns: 20 })('hashes exactly the bytes it returns', (m) => {
    const e = exportCanonical(m);
    expect(new TextDecoder().decode(e.bytes)).toBe(e.text);
    expect(sha256Hex(e.bytes)).toBe(e.sha256);
    expect(e.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('canonical export is I-JSON', () => {
  const code = (value: unknown): string | undefined => {
    try {
      canonicalJson(value);
      return undefined;
    } catch (error) {
      return isSdkError(error) ? error.code : 'not an SdkError';
    }
  };

  /** The code and JSON pointer (details.path) of the refusal, and whether its message names the place. */
  const refusal = (value: unknown): [string, unknown, boolean] => {
    try {
      canonicalJson(value);
    } catch (error) {
      if (!isSdkError(error)) return ['not an SdkError', undefined, false];
      const path = error.details['path'];
      return [error.code, path, error.message.includes(`"${path === '' ? '/' : String(path)}"`) && (error.hint ?? '').length > 0];
    }
    return ['accepted', undefined, false];
  };

  it('says where a value JSON cannot hold is: a JSON pointer with / and ~ escaped, "/" for the whole value', () => {
    expect(refusal({ 'a/b': { 'c~d': [1, Number.NaN] } })).toEqual(['INVALID_ARGUMENT', '/a~1b/c~0d/1', true]);
    expect(refusal(undefined)).toEqual(['INVALID_ARGUMENT', '', true]);
    expect(refusal({ list: [{ at: 1n }] })).toEqual(['INVALID_ARGUMENT', '/list/0/at', true]);
    expect(refusal({ k: '\ud800' })).toEqual(['JSON_NOT_I_JSON', '/k', true]);
    expect(refusal('\udfff')).toEqual(['JSON_NOT_I_JSON', '', true]);
    expect(refusal({ ['x\udc00']: 1 })).toEqual(['JSON_NOT_I_JSON', '/x\udc00', true]);
    const cyclic: Record<string, unknown> = { a: {} };
    (cyclic['a'] as Record<string, unknown>)['back'] = cyclic;
    expect(refusal(cyclic)).toEqual(['INVALID_ARGUMENT', '/a/back', true]);
  });

  it('names what JSON cannot hold in the message: the number, the type, a cycle, a class instance, a bad string or key', () => {
    const message = (value: unknown): string => {
      try {
        canonicalJson(value);
      } catch (error) {
        return isSdkError(error) ? error.message : 'not an SdkError';
      }
      return 'accepted';
    };
    expect(message({ n: Number.NaN })).toBe('the value at "/n" is the number NaN, which JSON cannot represent');
    expect(message([Number.NEGATIVE_INFINITY])).toBe('the value at "/0" is the number -Infinity, which JSON cannot represent');
    expect(message({ f: () => 1 })).toBe('the value at "/f" is a function, which JSON cannot represent');
    expect(message({ u: undefined })).toBe('the value at "/u" is a undefined, which JSON cannot represent');
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    expect(message(cyclic)).toBe('the value at "/0" is a circular reference, which JSON cannot represent');
    expect(message({ d: new Date(0) })).toBe('the value at "/d" is a non-plain object, which JSON cannot represent');
    expect(message({ s: 'a\ud800' })).toBe('the string at "/s" holds a lone surrogate, which is not unicode text');
    expect(message({ ['k\udfff']: 1 })).toBe('the key at "/k\udfff" holds a lone surrogate, which is not unicode text');
  });

  it('accepts one object reached twice (not a cycle) and objects without a prototype', () => {
    const shared = { a: 1 };
    expect(canonicalJson({ p: shared, q: [shared, shared] })).toBe('{"p":{"a":1},"q":[{"a":1},{"a":1}]}');
    expect(canonicalJson(Object.assign(Object.create(null) as object, { b: 2, a: 1 }))).toBe('{"a":1,"b":2}');
  });

  it('prettyJson sorts keys as canonical JSON does, drops undefined members, indents by two and ends with a newline', () => {
    expect(prettyJson({ b: 1, a: [2, { d: undefined, c: null, B: 'x' }] })).toBe('{\n  "a": [\n    2,\n    {\n      "B": "x",\n      "c": null\n    }\n  ],\n  "b": 1\n}\n');
    // Keys arriving in every relative order, so the comparison's both outcomes decide the result.
    for (const keys of [['d', 'b', 'e', 'a', 'c'], ['a', 'b', 'c', 'd', 'e'], ['e', 'd', 'c', 'b', 'a'], ['b', 'a', 'd', 'c', 'e']]) {
      expect(prettyJson(Object.fromEntries(keys.map((k) => [k, k])))).toBe('{\n  "a": "a",\n  "b": "b",\n  "c": "c",\n  "d": "d",\n  "e": "e"\n}\n');
    }
    expect(prettyJson([])).toBe('[]\n');
    expect(prettyJson('x')).toBe('"x"\n');
  });

  it('refuses a lone surrogate in a string or a key with JSON_NOT_I_JSON, and keeps pairs', () => {
    expect([code({ a: '\ud800' }), code({ a: ['x\udfff'] }), code({ ['k\ud83d']: 1 })]).toEqual(['JSON_NOT_I_JSON', 'JSON_NOT_I_JSON', 'JSON_NOT_I_JSON']);
    expect(canonicalJson({ a: '\ud83d\ude00' })).toBe('{"a":"\ud83d\ude00"}');
  });

  test.prop([fc.string({ unit: 'binary', maxLength: 12 })], { numRuns: 1000 })('exports a string exactly when it is well-formed unicode, and it reads back unchanged', (text) => {
    if (!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)) expect(JSON.parse(canonicalJson({ text }))).toEqual({ text });
    else expect(code({ text })).toBe('JSON_NOT_I_JSON');
  });
});

describe('writeExport and verifyExport', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-export-'));

  it('writes exactly the hashed bytes and a sha256sum-style sidecar that verifies', () => {
    const path = join(dir, 'bundle.json');
    const e = writeExport(desktopManifest(), path);
    expect(new Uint8Array(readFileSync(path))).toEqual(e.bytes);
    expect(readFileSync(`${path}.sha256`, 'utf8')).toBe(`${e.sha256}  bundle.json\n`);
    expect(verifyExport(path)).toEqual({ ok: true, actual: e.sha256, expected: e.sha256, canonical: true });
  });

  it('detects a changed byte, a non-canonical rewrite and a missing checksum', () => {
    const path = join(dir, 'tampered.json');
    const e = writeExport(cloudManifest(), path);
    writeFileSync(path, e.text.replace('"saas"', '"SAAS"'));
    expect(verifyExport(path).ok).toBe(false);
    writeFileSync(path, JSON.stringify(JSON.parse(e.text), null, 2));
    const pretty = verifyExport(path);
    expect(pretty.ok).toBe(false);
    expect(pretty.canonical).toBe(false);
    const lone = join(dir, 'lone.json');
    writeFileSync(lone, e.text);
    expect(verifyExport(lone)).toMatchObject({ ok: false, expected: undefined, canonical: true });
    expect(verifyExport(lone, e.sha256).ok).toBe(true);
  });

  it('throws FILE_UNREADABLE for a missing file and FILE_WRITE_FAILED for an unwritable path', () => {
    expect(() => verifyExport(join(dir, 'nope.json'))).toThrow(expect.objectContaining({ code: 'FILE_UNREADABLE' }));
    writeFileSync(join(dir, 'a-file'), 'x');
    expect(() => writeExport({}, join(dir, 'a-file', 'x.json'))).toThrow(expect.objectContaining({ code: 'FILE_WRITE_FAILED' }));
  });

  it('creates the folders of the path it writes', () => {
    const path = join(dir, 'new', 'deeper', 'bundle.json');
    const e = writeExport({ b: 1 }, path);
    expect(verifyExport(path, e.sha256).ok).toBe(true);
  });
});
