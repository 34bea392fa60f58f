import { SdkError, jsonPointer, parseJsonPointer } from '@deployment-manager/core';

/**
 * One operation of a {@link ManifestDiff}: the RFC 6902 subset `add`,
 * `remove` and `replace`, addressed by an RFC 6901 JSON pointer.
 */
export type DiffOperation =
  | {
      /** Adds a key, or inserts into an array at the index (`-` appends). */
      readonly op: 'add';
      /** JSON pointer of the new member. */
      readonly path: string;
      /** The value added. */
      readonly value: unknown;
    }
  | {
      /** Removes a key or an array item. */
      readonly op: 'remove';
      /** JSON pointer of the member removed. */
      readonly path: string;
    }
  | {
      /** Replaces an existing member (`""` is the whole document). */
      readonly op: 'replace';
      /** JSON pointer of the member replaced. */
      readonly path: string;
      /** The new value. */
      readonly value: unknown;
    };

/** What changes from one manifest (or any JSON value) to another, as JSON Patch operations applied in order. */
export type ManifestDiff = readonly DiffOperation[];

const isPlainObject = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep equality under JSON semantics (`0` equals `-0`, key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

function diffInto(a: unknown, b: unknown, path: (string | number)[], out: DiffOperation[]): void {
  if (jsonEqual(a, b)) return;
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      const p = [...path, k];
      if (!Object.hasOwn(b, k)) out.push({ op: 'remove', path: jsonPointer(p) });
      else if (!Object.hasOwn(a, k)) out.push({ op: 'add', path: jsonPointer(p), value: structuredClone(b[k]) });
      else diffInto(a[k], b[k], p, out);
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const common = Math.min(a.length, b.length);
    for (let i = 0; i < common; i++) diffInto(a[i], b[i], [...path, i], out);
    // Extra items are appended in order; surplus ones removed from the end so indexes stay valid.
    for (let i = common; i < b.length; i++) out.push({ op: 'add', path: jsonPointer([...path, i]), value: structuredClone(b[i]) });
    for (let i = a.length - 1; i >= common; i--) out.push({ op: 'remove', path: jsonPointer([...path, i]) });
    return;
  }
  out.push({ op: 'replace', path: jsonPointer(path), value: structuredClone(b) });
}

/**
 * The operations that turn `a` into `b`: objects are compared key by key
 * (keys in sorted order), arrays index by index (growth appended, shrinkage
 * removed from the end), anything else replaced whole. Empty exactly when the
 * two are equal as JSON. Pure.
 *
 * @example
 * ```ts
 * diffManifests({ app: { version: '3.1.0' } }, { app: { version: '3.2.0' } })
 * // [{ op: 'replace', path: '/app/version', value: '3.2.0' }]
 * ```
 */
export function diffManifests(a: unknown, b: unknown): DiffOperation[] {
  const out: DiffOperation[] = [];
  diffInto(a, b, [], out);
  return out;
}

function patchError(op: DiffOperation, why: string): SdkError {
  return new SdkError('INVALID_ARGUMENT', `cannot ${op.op} at "${op.path}": ${why}`, {
    hint: 'apply a diff only to the manifest it was computed from',
    details: { op: op.op, path: op.path },
  });
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  // defineProperty, not assignment: a "__proto__" key must become data, never a prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function arrayIndex(key: string, length: number, op: DiffOperation, allowEnd: boolean): number {
  if (allowEnd && key === '-') return length;
  if (!/^(0|[1-9][0-9]*)$/.test(key)) throw patchError(op, `"${key}" is not an array index`);
  const i = Number(key);
  if (i > length || (!allowEnd && i === length)) throw patchError(op, `index ${i} is out of range (length ${length})`);
  return i;
}

function applyAt(doc: unknown, segments: readonly string[], op: DiffOperation): unknown {
  if (segments.length === 0) {
    if (op.op === 'remove') throw patchError(op, 'the whole document cannot be removed');
    return structuredClone(op.value);
  }
  const [key, ...rest] = segments as [string, ...string[]];
  if (Array.isArray(doc)) {
    const copy = [...doc];
    if (rest.length > 0) {
      const i = arrayIndex(key, copy.length, op, false);
      copy[i] = applyAt(copy[i], rest, op);
    } else if (op.op === 'add') {
      copy.splice(arrayIndex(key, copy.length, op, true), 0, structuredClone(op.value));
    } else if (op.op === 'remove') {
      copy.splice(arrayIndex(key, copy.length, op, false), 1);
    } else {
      copy[arrayIndex(key, copy.length, op, false)] = structuredClone(op.value);
    }
    return copy;
  }
  if (!isPlainObject(doc)) throw patchError(op, 'the parent is not an object or array');
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) setOwn(copy, k, v);
  const present = Object.hasOwn(copy, key);
  if (rest.length > 0) {
    if (!present) throw patchError(op, `"${key}" does not exist`);
    setOwn(copy, key, applyAt(copy[key], rest, op));
  } else if (op.op === 'remove') {
    if (!present) throw patchError(op, `"${key}" does not exist`);
    delete copy[key];
  } else {
    if (op.op === 'replace' && !present) throw patchError(op, `"${key}" does not exist`);
    setOwn(copy, key, structuredClone(op.value));
  }
  return copy;
}

/**
 * Applies a diff to a value and returns the result; the input is never
 * mutated. `applyManifestDiff(a, diffManifests(a, b))` equals `b`. Throws
 * `INVALID_ARGUMENT` when an operation does not fit the value (a missing
 * key, an index out of range).
 *
 * @example
 * ```ts
 * const next = applyManifestDiff(previous, diffManifests(previous, current));
 * ```
 */
export function applyManifestDiff<T = unknown>(value: unknown, diff: ManifestDiff): T {
  let doc = value;
  for (const op of diff) doc = applyAt(doc, parseJsonPointer(op.path), op);
  return doc as T;
}
