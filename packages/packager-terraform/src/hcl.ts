import { SdkError, quoteHcl } from '@deployment-manager/core';

/*
 * A small deterministic HCL (Terraform) writer. We render text from a typed
 * structure instead of templates so every file is well-formed by
 * construction, and we follow `terraform fmt` layout (2-space indent, `=`
 * aligned across a run of consecutive single-line attributes, a multi-line
 * attribute or a block ending the run) so `terraform fmt -check` passes on
 * the output as written.
 */

/** A raw HCL expression (`var.do_token`, `file("x")`), written verbatim. */
export interface HclExpression {
  /** Discriminator. */
  readonly kind: 'expr';
  /** Expression text, already in `terraform fmt` spacing. */
  readonly text: string;
}

/** An HCL object constructor (`{ key = value }`), keys in the given order. */
export interface HclObject {
  /** Discriminator. */
  readonly kind: 'object';
  /** Entries in output order. */
  readonly entries: readonly (readonly [string, HclValue])[];
}

/** Any value an attribute can hold. Strings are literal (never interpolated). */
export type HclValue = string | number | boolean | null | HclExpression | HclObject | readonly HclValue[];

/** `name = value`. */
export interface HclAttribute {
  /** Discriminator. */
  readonly kind: 'attribute';
  /** Attribute name (an HCL identifier). */
  readonly name: string;
  /** Its value. */
  readonly value: HclValue;
}

/** `type "label" ... { body }`. */
export interface HclBlock {
  /** Discriminator. */
  readonly kind: 'block';
  /** Block type (an HCL identifier). */
  readonly type: string;
  /** Labels, written as quoted strings. */
  readonly labels: readonly string[];
  /** Body items in output order. */
  readonly body: readonly HclBodyItem[];
}

/** A full-line `# comment`. */
export interface HclComment {
  /** Discriminator. */
  readonly kind: 'comment';
  /** Comment text (one line). */
  readonly text: string;
}

/** One item of a body. */
export type HclBodyItem = HclAttribute | HclBlock | HclComment;

/** Builds an {@link HclExpression}. */
export function expr(text: string): HclExpression {
  return { kind: 'expr', text };
}

/** Builds an {@link HclObject} from entries (order kept). */
export function obj(entries: readonly (readonly [string, HclValue])[]): HclObject {
  return { kind: 'object', entries };
}

/** Builds an {@link HclAttribute}. */
export function attr(name: string, value: HclValue): HclAttribute {
  return { kind: 'attribute', name, value };
}

/** Builds an {@link HclBlock}. */
export function block(type: string, labels: readonly string[], body: readonly HclBodyItem[]): HclBlock {
  return { kind: 'block', type, labels, body };
}

/** Builds an {@link HclComment}. */
export function comment(text: string): HclComment {
  return { kind: 'comment', text };
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const KEYWORDS = new Set(['true', 'false', 'null', 'for', 'in', 'if', 'endfor', 'endif']);

/** True when `name` can be written bare as an attribute name, block type or object key. */
export function isHclIdentifier(name: string): boolean {
  return IDENT.test(name) && !KEYWORDS.has(name);
}

function badInput(message: string): SdkError {
  return new SdkError('INVALID_ARGUMENT', message, { hint: 'attribute names and block types are HCL identifiers; numbers must be finite' });
}

function writeNumber(n: number): string {
  if (!Number.isFinite(n)) throw badInput(`the number ${String(n)} cannot be written as HCL`);
  return Object.is(n, -0) ? '0' : String(n);
}

const isObject = (v: HclValue): v is HclObject => typeof v === 'object' && v !== null && !Array.isArray(v) && (v as HclObject).kind === 'object';
const isExpr = (v: HclValue): v is HclExpression => typeof v === 'object' && v !== null && !Array.isArray(v) && (v as HclExpression).kind === 'expr';

/** True when a value is written on one line (scalars, expressions, empty collections, lists of scalars). */
function isInline(v: HclValue): boolean {
  if (Array.isArray(v)) return (v as readonly HclValue[]).every((x) => !Array.isArray(x) && !isObject(x));
  if (isObject(v)) return v.entries.length === 0;
  return true;
}

function writeKey(key: string): string {
  return isHclIdentifier(key) ? key : quoteHcl(key);
}

function writeValue(v: HclValue, indent: string): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return quoteHcl(v);
  if (typeof v === 'number') return writeNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) {
    const list = v as readonly HclValue[];
    if (isInline(list)) return `[${list.map((x) => writeValue(x, indent)).join(', ')}]`;
    const inner = indent + '  ';
    return `[\n${list.map((x) => `${inner}${writeValue(x, inner)},\n`).join('')}${indent}]`;
  }
  if (isExpr(v)) return v.text;
  const o = v as HclObject;
  if (o.entries.length === 0) return '{}';
  const inner = indent + '  ';
  return `{\n${writeAligned(o.entries.map(([k, x]) => [writeKey(k), x] as const), inner)}${indent}}`;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

function graphemeCount(text: string): number {
  let n = 0;
  for (const _ of graphemes.segment(text)) n += 1;
  return n;
}

/**
 * The columns a key takes as terraform fmt (hclwrite) counts them: grapheme clusters per token, not
 * UTF-16 code units. A quoted key is three tokens (its quotes apart), so a combining mark right after
 * the opening quote is a column of its own, not part of the quote's cluster.
 */
function columns(text: string): number {
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) return 2 + graphemeCount(text.slice(1, -1));
  return graphemeCount(text);
}

/** Writes `key = value` lines with fmt alignment: runs of single-line entries align their `=`. */
function writeAligned(entries: readonly (readonly [string, HclValue])[], indent: string): string {
  let out = '';
  let run: (readonly [string, string])[] = [];
  const flush = (): void => {
    const width = Math.max(0, ...run.map(([k]) => columns(k)));
    for (const [k, text] of run) out += `${indent}${k}${' '.repeat(width - columns(k))} = ${text}\n`;
    run = [];
  };
  for (const [key, value] of entries) {
    if (isInline(value)) {
      run.push([key, writeValue(value, indent)]);
    } else {
      flush();
      out += `${indent}${key} = ${writeValue(value, indent)}\n`;
    }
  }
  flush();
  return out;
}

function checkIdent(name: string, what: string): void {
  if (!IDENT.test(name)) throw badInput(`${what} "${name}" is not an HCL identifier`);
}

function writeBody(items: readonly HclBodyItem[], indent: string): string {
  let out = '';
  let attrs: (readonly [string, HclValue])[] = [];
  let previous: HclBodyItem['kind'] | undefined;
  const flushAttrs = (): void => {
    out += writeAligned(attrs, indent);
    attrs = [];
  };
  for (const item of items) {
    // A blank line separates blocks from their neighbours; a comment sticks to what follows it.
    const blank = previous !== undefined && previous !== 'comment' && (item.kind === 'block' || previous === 'block');
    if (item.kind === 'attribute') {
      checkIdent(item.name, 'attribute name');
      if (blank) out += '\n';
      attrs.push([item.name, item.value]);
    } else {
      flushAttrs();
      if (blank) out += '\n';
      if (item.kind === 'comment') {
        out += `${indent}# ${item.text.replace(/[\r\n]+/g, ' ')}`.trimEnd() + '\n';
      } else {
        checkIdent(item.type, 'block type');
        const head = [item.type, ...item.labels.map(quoteHcl)].join(' ');
        out += item.body.length === 0 ? `${indent}${head} {\n${indent}}\n` : `${indent}${head} {\n${writeBody(item.body, indent + '  ')}${indent}}\n`;
      }
    }
    previous = item.kind;
  }
  flushAttrs();
  return out;
}

/**
 * Writes an HCL file from body items in `terraform fmt` layout. Deterministic:
 * equal input gives equal bytes. Throws `INVALID_ARGUMENT` for a name that is
 * not an identifier or a non-finite number.
 *
 * @example
 * ```ts
 * emitHcl([block('variable', ['do_token'], [attr('type', expr('string')), attr('sensitive', true)])]);
 * // 'variable "do_token" {\n  type      = string\n  sensitive = true\n}\n'
 * ```
 */
export function emitHcl(items: readonly HclBodyItem[]): string {
  return writeBody(items, '');
}
