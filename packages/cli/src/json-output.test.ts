import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { JSON_CHUNK_CHARS, jsonChunks, writeJson } from './json-output.ts';

describe('jsonChunks', () => {
  test.prop([fc.jsonValue()], { numRuns: 1000 })('joins to exactly JSON.stringify(value, null, 2)', (value) => {
    expect([...jsonChunks(value)].join('')).toBe(JSON.stringify(value, null, 2));
  });

  test.prop([fc.anything({ withObjectString: true, withNullPrototype: true, withSparseArray: true, withDate: true })], { numRuns: 500 })(
    'agrees with JSON.stringify on values it would skip or convert (undefined, dates, sparse arrays)',
    (value) => {
      expect([...jsonChunks(value)].join('')).toBe(JSON.stringify(value, null, 2) ?? '');
    },
  );

  it('writes a large document in bounded chunks', () => {
    const doc = { items: Array.from({ length: 20_000 }, (_, i) => ({ id: `resource:r${i}`, reasons: ['a "quoted"\nline'] })) };
    const chunks = [...jsonChunks(doc)];
    expect(chunks.length).toBeGreaterThan(10);
    for (const c of chunks) expect(c.length).toBeLessThan(2 * JSON_CHUNK_CHARS);
    expect(JSON.parse(chunks.join(''))).toEqual(doc);
  });

  it('writes deep nesting without recursing', () => {
    let deep: unknown = 0;
    for (let i = 0; i < 3_000; i++) deep = [deep];
    const text = [...jsonChunks(deep)].join('');
    expect(text.startsWith('[\n  [\n    [')).toBe(true);
    expect(text.replace(/\s/g, '')).toBe(`${'['.repeat(3_000)}0${']'.repeat(3_000)}`);
  });
});

describe('writeJson', () => {
  it('prints the document and a newline through io.stdout', () => {
    let out = '';
    writeJson({ stdout: (s) => (out += s), stderr: () => undefined, isTTY: false }, { a: [1, { b: null }] });
    expect(out).toBe(`${JSON.stringify({ a: [1, { b: null }] }, null, 2)}\n`);
  });
});
