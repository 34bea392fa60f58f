import { generateKeyPairSync, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { SdkError } from '@deployment-manager/core';
import { toSortedYaml } from './yaml-text.ts';

/*
 * A renderer for the subset of Helm's template language (Go text/template
 * plus Sprig) that this package's charts use - enough to prove offline that
 * a chart rendered with its default values is exactly the plain manifests,
 * without a helm binary. Supported: text with `{{- -}}` trimming; `if` /
 * `else` / `end`; `$var :=`; pipelines of fields (`.Values.a.b`, `$x.y`,
 * `(pipeline).field`), string / number / bool literals and the functions
 * in FUNCTIONS. Anything else is a PARSE_FAILED error, never a guess.
 */

/** The data a template renders against (`.Values`, `.Release`, `.Chart`). */
export interface HelmRenderContext {
  /** Chart values. */
  readonly Values: Readonly<Record<string, unknown>>;
  /** Release facts (`Name`, `Namespace`). */
  readonly Release: {
    /** Release name. */
    readonly Name: string;
    /** Release namespace. */
    readonly Namespace: string;
  };
  /** Chart facts (`Name`, `Version`, `AppVersion`). */
  readonly Chart: {
    /** Chart name. */
    readonly Name: string;
    /** Chart version. */
    readonly Version: string;
    /** Application version. */
    readonly AppVersion?: string;
  };
}

type Arg =
  | { readonly k: 'lit'; readonly v: unknown }
  | { readonly k: 'field'; readonly root: 'dot' | string; readonly path: readonly string[] }
  | { readonly k: 'ident'; readonly name: string }
  | { readonly k: 'group'; readonly pipe: Pipeline; readonly path: readonly string[] };
type Pipeline = readonly (readonly Arg[])[];
type Node =
  | { readonly t: 'text'; readonly s: string }
  | { readonly t: 'out'; readonly pipe: Pipeline; readonly decl?: string }
  | { readonly t: 'if'; readonly cond: Pipeline; readonly then: Node[]; readonly else: Node[] };

const fail = (message: string): never => {
  throw new SdkError('PARSE_FAILED', message, { hint: 'the chart uses only the template subset this renderer supports; see helm-render.ts' });
};

const str = (x: unknown): string => (x === undefined || x === null ? '' : typeof x === 'string' ? x : typeof x === 'number' || typeof x === 'boolean' ? String(x) : fail(`cannot print a ${Array.isArray(x) ? 'list' : 'map'} in a template`));
const empty = (x: unknown): boolean =>
  x === undefined || x === null || x === false || x === 0 || x === '' || (Array.isArray(x) && x.length === 0) || (typeof x === 'object' && x !== null && Object.keys(x).length === 0);

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const rand = (alphabet: string, n: unknown): string => Array.from({ length: Number(n) }, () => alphabet[randomInt(alphabet.length)]).join('');
const indent = (n: unknown, s: unknown): string => {
  const pad = ' '.repeat(Number(n));
  return pad + str(s).replace(/\n/g, `\n${pad}`);
};

const FUNCTIONS: Readonly<Record<string, (...args: unknown[]) => unknown>> = {
  quote: (...xs) => xs.filter((x) => x !== undefined && x !== null).map((x) => JSON.stringify(str(x))).join(' '),
  toYaml: (x) => toSortedYaml(x).replace(/\n$/, ''),
  indent,
  nindent: (n, s) => `\n${indent(n, s)}`,
  required: (message, x) => (x === undefined || x === null || x === '' ? (() => { throw new SdkError('INVALID_ARGUMENT', str(message), { hint: 'give the value with --set or a values file' }); })() : x),
  default: (fallback, x) => (empty(x) ? fallback : x),
  dict: (...kv) => Object.fromEntries(Array.from({ length: Math.floor(kv.length / 2) }, (_, i) => [str(kv[2 * i]), kv[2 * i + 1]])),
  get: (m, key) => (typeof m === 'object' && m !== null ? ((m as Record<string, unknown>)[str(key)] ?? '') : ''),
  index: (x, ...keys) => keys.reduce<unknown>((acc, key) => (typeof acc === 'object' && acc !== null ? (acc as Record<string, unknown>)[str(key)] : undefined), x),
  // Like `helm template` and dry runs, which have no cluster to look in.
  lookup: () => ({}),
  b64enc: (s) => Buffer.from(str(s), 'utf8').toString('base64'),
  lower: (s) => str(s).toLowerCase(),
  upper: (s) => str(s).toUpperCase(),
  randAlphaNum: (n) => rand(ALNUM, n),
  randAlpha: (n) => rand(ALNUM.slice(0, 52), n),
  randNumeric: (n) => rand(ALNUM.slice(52), n),
  randBytes: (n) => randomBytes(Number(n)).toString('base64'),
  uuidv4: () => randomUUID(),
  genPrivateKey: (type) =>
    type === 'ed25519'
      ? generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
      : type === 'rsa'
        ? generateKeyPairSync('rsa', { modulusLength: 4096 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()
        : fail(`genPrivateKey "${str(type)}" is not supported`),
};

function tokenize(src: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] ?? '';
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      tokens.push(src.slice(i, j + 1));
      i = j + 1;
    } else if (c === '(' || c === ')' || c === '|') {
      tokens.push(c);
      i += 1;
      // `(pipeline).a.b`: a field chain glued to ")" belongs to the group.
      const chain = c === ')' ? /^(\.[A-Za-z_][A-Za-z0-9_]*)+/.exec(src.slice(i)) : null;
      if (chain !== null) {
        tokens.push(`@${chain[0]}`);
        i += chain[0].length;
      }
    } else if (src.startsWith(':=', i)) {
      tokens.push(':=');
      i += 2;
    } else {
      const m = /^[^\s()|"]+/.exec(src.slice(i));
      tokens.push(m?.[0] ?? c);
      i += m?.[0].length ?? 1;
    }
  }
  return tokens;
}

function parsePipeline(tokens: string[], pos: { i: number }, close: boolean): Pipeline {
  const cmds: Arg[][] = [[]];
  while (pos.i < tokens.length) {
    const t = tokens[pos.i] ?? '';
    pos.i += 1;
    const cmd = cmds[cmds.length - 1] ?? fail('empty pipeline');
    if (t === ')') {
      if (!close) fail('unexpected ")"');
      return cmds;
    }
    if (t === '|') {
      cmds.push([]);
    } else if (t === '(') {
      const pipe = parsePipeline(tokens, pos, true);
      const next = tokens[pos.i] ?? '';
      const path = next.startsWith('@.') ? (pos.i++, next.slice(2).split('.')) : [];
      cmd.push({ k: 'group', pipe, path });
    } else if (t.startsWith('"')) {
      cmd.push({ k: 'lit', v: JSON.parse(t) as string });
    } else if (/^-?\d+(\.\d+)?$/.test(t)) {
      cmd.push({ k: 'lit', v: Number(t) });
    } else if (t === 'true' || t === 'false') {
      cmd.push({ k: 'lit', v: t === 'true' });
    } else if (t === 'nil') {
      cmd.push({ k: 'lit', v: undefined });
    } else if (t === '.') {
      cmd.push({ k: 'field', root: 'dot', path: [] });
    } else if (/^(\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(t)) {
      cmd.push({ k: 'field', root: 'dot', path: t.slice(1).split('.') });
    } else if (/^\$[A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(t)) {
      const [name = '$', ...path] = t.split('.');
      cmd.push({ k: 'field', root: name, path });
    } else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(t) && t in FUNCTIONS) {
      cmd.push({ k: 'ident', name: t });
    } else {
      fail(`unsupported token "${t}"`);
    }
  }
  if (close) fail('missing ")"');
  return cmds;
}

function parse(template: string): Node[] {
  const root: Node[] = [];
  const stack: { nodes: Node[]; node?: { then: Node[]; else: Node[] }; inElse: boolean }[] = [{ nodes: root, inElse: false }];
  const current = (): Node[] => {
    const top = stack[stack.length - 1] ?? fail('unbalanced template');
    return top.node === undefined ? top.nodes : top.inElse ? top.node.else : top.node.then;
  };
  let pos = 0;
  let trimNext = false;
  while (pos < template.length) {
    const open = template.indexOf('{{', pos);
    let text = template.slice(pos, open === -1 ? undefined : open);
    if (trimNext) text = text.replace(/^\s+/, '');
    if (open === -1) {
      if (text !== '') current().push({ t: 'text', s: text });
      break;
    }
    const trimLeft = template.startsWith('{{- ', open);
    if (trimLeft) text = text.replace(/\s+$/, '');
    if (text !== '') current().push({ t: 'text', s: text });
    let j = open + (trimLeft ? 3 : 2);
    while (j < template.length && !template.startsWith('}}', j)) {
      if (template[j] === '"') {
        j += 1;
        while (j < template.length && template[j] !== '"') j += template[j] === '\\' ? 2 : 1;
      }
      j += 1;
    }
    if (j >= template.length) fail('unclosed action');
    let body = template.slice(open + (trimLeft ? 3 : 2), j).trim();
    trimNext = body.endsWith(' -') || body === '-';
    if (trimNext) body = body.slice(0, -1).trim();
    pos = j + 2;
    const tokens = tokenize(body);
    if (body === 'end') {
      if (stack.length === 1) fail('"end" without "if"');
      stack.pop();
    } else if (body === 'else') {
      const top = stack[stack.length - 1];
      if (top?.node === undefined || top.inElse) fail('"else" without "if"');
      else top.inElse = true;
    } else if (tokens[0] === 'if') {
      const node = { t: 'if' as const, cond: parsePipeline(tokens, { i: 1 }, false), then: [], else: [] };
      current().push(node);
      stack.push({ nodes: [], node, inElse: false });
    } else if (tokens[1] === ':=' && tokens[0]?.startsWith('$') === true) {
      current().push({ t: 'out', decl: tokens[0], pipe: parsePipeline(tokens, { i: 2 }, false) });
    } else {
      current().push({ t: 'out', pipe: parsePipeline(tokens, { i: 0 }, false) });
    }
  }
  if (stack.length !== 1) fail('"if" without "end"');
  return root;
}

function walk(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((acc, key) => (typeof acc === 'object' && acc !== null ? (acc as Record<string, unknown>)[key] : undefined), value);
}

function evalPipeline(pipe: Pipeline, dot: unknown, vars: Map<string, unknown>): unknown {
  let piped: unknown[] = [];
  let result: unknown;
  for (const cmd of pipe) {
    const [head, ...rest] = cmd;
    if (head === undefined) fail('empty command in pipeline');
    const arg = (a: Arg): unknown => {
      if (a.k === 'lit') return a.v;
      if (a.k === 'field') return walk(a.root === 'dot' ? dot : vars.has(a.root) ? vars.get(a.root) : fail(`undefined variable ${a.root}`), a.path);
      if (a.k === 'group') return walk(evalPipeline(a.pipe, dot, vars), a.path);
      // A function name in argument position is called without arguments (`default dict`).
      return (FUNCTIONS[a.name] ?? fail(`unknown function ${a.name}`))();
    };
    if (head?.k === 'ident') {
      const fn = FUNCTIONS[head.name] ?? fail(`unknown function ${head.name}`);
      result = fn(...rest.map(arg), ...piped);
    } else {
      if (rest.length > 0 || piped.length > 0) fail('a value cannot take arguments');
      result = arg(head as Arg);
    }
    piped = [result];
  }
  return result;
}

function run(nodes: readonly Node[], dot: unknown, vars: Map<string, unknown>): string {
  let out = '';
  for (const n of nodes) {
    if (n.t === 'text') out += n.s;
    else if (n.t === 'if') out += run(empty(evalPipeline(n.cond, dot, vars)) ? n.else : n.then, dot, vars);
    else if (n.decl !== undefined) vars.set(n.decl, evalPipeline(n.pipe, dot, vars));
    else out += str(evalPipeline(n.pipe, dot, vars));
  }
  return out;
}

/**
 * Renders one chart template against a context, the way `helm template`
 * would for the supported subset (`lookup` finds nothing, as in a dry run).
 * Throws `PARSE_FAILED` on syntax outside the subset and `INVALID_ARGUMENT`
 * when a `required` value is missing.
 *
 * @example
 * ```ts
 * renderHelmTemplate('replicas: {{ .Values.replicas }}', { Values: { replicas: 2 }, Release: { Name: 'r', Namespace: 'default' }, Chart: { Name: 'c', Version: '1.0.0' } });
 * // 'replicas: 2'
 * ```
 */
export function renderHelmTemplate(template: string, context: HelmRenderContext): string {
  return run(parse(template), context, new Map());
}
