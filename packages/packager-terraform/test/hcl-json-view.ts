import type { HclBodyItem, HclValue } from '../src/hcl.ts';

/*
 * The JSON that `@cdktf/hcl2json` produces for an HCL file, computed from our
 * typed structure: literal strings keep their `$${`/`%%{` escapes,
 * expressions become `${...}` templates, blocks nest by type then label with
 * an array of bodies innermost. Used to prove the emitter round-trips.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

// HCL reads string literals as Unicode NFC.
const escapeTemplate = (s: string): string => s.normalize('NFC').replace(/([$%])\{/g, '$1$1{');

function valueView(v: HclValue): Json {
  if (v === null || typeof v === 'boolean' || typeof v === 'number') return v === null ? null : Object.is(v, -0) ? 0 : v;
  if (typeof v === 'string') return escapeTemplate(v);
  if (Array.isArray(v)) return (v as readonly HclValue[]).map(valueView);
  const o = v as Exclude<HclValue, null | boolean | number | string | readonly HclValue[]>;
  // A quoted template expression is a string in JSON; anything else is wrapped as `${...}`.
  if (o.kind === 'expr') return /^"[^"]*"$/.test(o.text) ? o.text.slice(1, -1) : `\${${o.text}}`;
  const out: { [k: string]: Json } = {};
  // An object key is a template like any quoted string: hcl2json keeps its escapes.
  for (const [k, x] of o.entries) Object.defineProperty(out, escapeTemplate(k), { value: valueView(x), enumerable: true, writable: true, configurable: true });
  return out;
}

/** The hcl2json view of a body. */
export function hclJsonView(items: readonly HclBodyItem[]): { [k: string]: Json } {
  const out: { [k: string]: Json } = {};
  for (const item of items) {
    if (item.kind === 'comment') continue;
    if (item.kind === 'attribute') {
      out[item.name] = valueView(item.value);
      continue;
    }
    let node = out;
    const path = [item.type, ...item.labels.map((l) => l.normalize('NFC'))];
    // Labels are data: own properties only (a label "toString" or "__proto__" is a key like any other).
    const child = (key: string, make: () => Json): Json => {
      if (!Object.hasOwn(node, key)) Object.defineProperty(node, key, { value: make(), enumerable: true, writable: true, configurable: true });
      return node[key] as Json;
    };
    path.slice(0, -1).forEach((key) => {
      node = child(key, () => ({})) as { [k: string]: Json };
    });
    (child(path[path.length - 1] as string, () => []) as Json[]).push(hclJsonView(item.body));
  }
  return out;
}
