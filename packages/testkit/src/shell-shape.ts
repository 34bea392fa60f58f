/*
 * The shape of a shell script, for property tests of generated scripts: its
 * tokens with every single-quoted string abstracted away (plain words are
 * kept: in a generated script they come from the template), cut into
 * logical lines. A script rendered from hostile input has the
 * same shape as one rendered from harmless input exactly when the input
 * stayed inside its quotes - a quote, `$()`, a backtick, a newline, `;`, a
 * glob or a word break that escaped would add or change a token. Logical
 * lines are compared as a sorted list, since renderers sort by values.
 */

const OPERATORS = ['&&', '||', ';;', '<<-', '<<', '>>', '>&', '<&', '>|', ';', '&', '|', '(', ')', '<', '>'];

interface Lexer {
  readonly text: string;
  pos: number;
}

function dollar(lx: Lexer): string {
  const { text } = lx;
  const next = text[lx.pos + 1];
  if (next === '(') {
    lx.pos += 2;
    return `CMD[${lexUntil(lx, ')').join(' ')}]`;
  }
  if (next === '{') {
    lx.pos += 2;
    let depth = 1;
    const inner: string[] = [];
    while (lx.pos < text.length && depth > 0) {
      const c = text[lx.pos] as string;
      if (c === '}') depth -= 1;
      else if (c === '{') depth += 1;
      if (depth === 0) break;
      if (c === '$') inner.push(dollar(lx));
      else if (c === "'") inner.push(single(lx));
      else if (c === '"') inner.push(double(lx));
      else {
        inner.push(c);
        lx.pos += 1;
      }
    }
    lx.pos += 1;
    // Names in `${NAME...}` are derived from ids (shellVar): abstract the leading name.
    return `PARAM[${inner.join('').replace(/^[A-Za-z_][A-Za-z0-9_]*/, 'N')}]`;
  }
  const name = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])/.exec(text.slice(lx.pos + 1));
  lx.pos += 1 + (name?.[0].length ?? 0);
  return name === null ? 'L:$' : 'VAR';
}

function single(lx: Lexer): string {
  const end = lx.text.indexOf("'", lx.pos + 1);
  lx.pos = end === -1 ? lx.text.length : end + 1;
  return end === -1 ? 'UNTERMINATED' : 'SQ';
}

function double(lx: Lexer): string {
  const { text } = lx;
  lx.pos += 1;
  const parts: string[] = [];
  let lit = '';
  const flush = (): void => {
    if (lit !== '') parts.push(`L:${lit}`);
    lit = '';
  };
  while (lx.pos < text.length && text[lx.pos] !== '"') {
    const c = text[lx.pos] as string;
    if (c === '\\') {
      lit += text.slice(lx.pos, lx.pos + 2);
      lx.pos += 2;
    } else if (c === '$') {
      flush();
      parts.push(dollar(lx));
    } else if (c === '`') {
      flush();
      parts.push(backtick(lx));
    } else {
      lit += c;
      lx.pos += 1;
    }
  }
  flush();
  if (lx.pos >= text.length) return 'UNTERMINATED';
  lx.pos += 1;
  return `DQ[${parts.join(',')}]`;
}

function backtick(lx: Lexer): string {
  const end = lx.text.indexOf('`', lx.pos + 1);
  const body = lx.text.slice(lx.pos + 1, end === -1 ? undefined : end);
  lx.pos = end === -1 ? lx.text.length : end + 1;
  return `BQ[${body}]`;
}

function word(lx: Lexer): string {
  const { text } = lx;
  const parts: string[] = [];
  let lit = '';
  const flush = (): void => {
    if (lit !== '') parts.push(`W:${lit}`);
    lit = '';
  };
  while (lx.pos < text.length) {
    const c = text[lx.pos] as string;
    if (c === ' ' || c === '\t' || c === '\n' || OPERATORS.some((op) => text.startsWith(op, lx.pos))) break;
    if (c === "'") {
      flush();
      parts.push(single(lx));
    } else if (c === '"') {
      flush();
      parts.push(double(lx));
    } else if (c === '$') {
      flush();
      parts.push(dollar(lx));
    } else if (c === '`') {
      flush();
      parts.push(backtick(lx));
    } else if (c === '\\') {
      lit += text.slice(lx.pos, lx.pos + 2);
      lx.pos += 2;
    } else {
      lit += c;
      lx.pos += 1;
    }
  }
  flush();
  // shellQuote writes a value with quotes in it as 'a'\''b': still one quoted string.
  return parts.join('+').replace(/SQ(?:\+W:\\'\+SQ)+/g, 'SQ');
}

function lexUntil(lx: Lexer, close: string | undefined): string[] {
  const { text } = lx;
  const out: string[] = [];
  let depth = 0;
  let atWordStart = true;
  while (lx.pos < text.length) {
    const c = text[lx.pos] as string;
    if (c === '\n') {
      out.push('NL');
      lx.pos += 1;
      atWordStart = true;
      continue;
    }
    if (c === ' ' || c === '\t') {
      lx.pos += 1;
      atWordStart = true;
      continue;
    }
    if (c === '#' && atWordStart) {
      const end = text.indexOf('\n', lx.pos);
      lx.pos = end === -1 ? text.length : end;
      out.push('COMMENT');
      continue;
    }
    if (close !== undefined && c === close && depth === 0) {
      lx.pos += 1;
      return out;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, lx.pos));
    if (op !== undefined) {
      if (op === '(') depth += 1;
      if (op === ')') depth -= 1;
      out.push(`OP:${op}`);
      lx.pos += op.length;
      atWordStart = true;
      continue;
    }
    out.push(word(lx));
    atWordStart = false;
  }
  return out;
}

/**
 * The shape of a script: one string per logical line (its tokens, quoted
 * strings and plain words abstracted), sorted.
 *
 * @example
 * ```ts
 * expect(shellShape(render(hostile))).toEqual(shellShape(render(harmless)));
 * ```
 */
export function shellShape(script: string): string[] {
  const tokens = lexUntil({ text: script, pos: 0 }, undefined);
  const lines: string[] = [];
  let line: string[] = [];
  for (const t of tokens) {
    if (t === 'NL') {
      lines.push(line.join(' '));
      line = [];
    } else {
      line.push(t);
    }
  }
  lines.push(line.join(' '));
  return lines.sort();
}
