/*
 * The YAML reader of the compact format. The `yaml` package's parser grows
 * faster than linearly with the size of one large document (measured: 0.9,
 * 1.8 and 3.5 MB of compact YAML parse in 3.6, 12.4 and 40.8 s), so input is
 * read with js-yaml (0.4 s for 3.5 MB, 3.9 s for 14 MB: linear), core schema
 * as YAML 1.2 defines it. Aliases are refused: they would let a small file
 * stand for an exponentially large one.
 */
import { CORE_SCHEMA, load } from 'js-yaml';

/** Why a YAML text is not data: its position (1-based), when known. */
export interface YamlFailure {
  /** Line, 1-based. */
  readonly line?: number;
  /** Column, 1-based. */
  readonly column?: number;
  /** `syntax`, or `alias` for a node used twice. */
  readonly kind: 'syntax' | 'alias';
}

function hasSharedNode(value: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    if (seen.has(v)) return true;
    seen.add(v);
    for (const x of Object.values(v)) stack.push(x);
  }
  return false;
}

/**
 * Parses YAML text into plain data, or says why not (never the text itself:
 * parser messages quote content). Linear in the size of the text.
 */
export function parseYamlData(text: string): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly failure: YamlFailure } {
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA });
  } catch (error) {
    const mark = (error as { mark?: { line?: number; column?: number } }).mark;
    return { ok: false, failure: { kind: 'syntax', ...(mark?.line === undefined ? {} : { line: mark.line + 1 }), ...(mark?.column === undefined ? {} : { column: mark.column + 1 }) } };
  }
  return hasSharedNode(value) ? { ok: false, failure: { kind: 'alias' } } : { ok: true, value };
}
