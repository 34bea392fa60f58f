import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { sanitizeTerminalText } from './terminal-text.ts';

// Control characters a terminal acts on: C0 but tab and newline, DEL, C1, bidi overrides and isolates.
const ACTIVE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

describe('sanitizeTerminalText', () => {
  it('shows escape sequences from input as text', () => {
    expect(sanitizeTerminalText('db\x1b]0;pwned\x07', false)).toBe('db\\x1b]0;pwned\\x07');
    expect(sanitizeTerminalText('a\x1b[2Jb', true)).toBe('a\\x1b[2Jb');
    expect(sanitizeTerminalText('evil\u202etxt.exe', true)).toBe('evil\\u202etxt.exe');
    expect(sanitizeTerminalText('over\rwrite', false)).toBe('over\\x0dwrite');
  });

  it('keeps tabs, newlines and, on a terminal, the CLI\'s own colours and line erase', () => {
    expect(sanitizeTerminalText('a\tb\nc', false)).toBe('a\tb\nc');
    expect(sanitizeTerminalText('\x1b[31mred\x1b[0m', true)).toBe('\x1b[31mred\x1b[0m');
    expect(sanitizeTerminalText('\r\x1b[2K[###] 50%', true)).toBe('\r\x1b[2K[###] 50%');
    // Off a terminal no colour is written, so any sequence came from input.
    expect(sanitizeTerminalText('\x1b[31mred', false)).toBe('\\x1b[31mred');
  });

  test.prop([fc.string({ unit: 'binary', maxLength: 200 })])('off a terminal, nothing a terminal acts on survives', (text) => {
    expect(ACTIVE.test(sanitizeTerminalText(text, false))).toBe(false);
  });

  test.prop([fc.string({ unit: 'binary', maxLength: 200 })])('on a terminal, only the CLI\'s own sequences survive', (text) => {
    const out = sanitizeTerminalText(text, true).replace(/\r\x1b\[2K|\x1b\[(?:0|1|31|32|33|34|90)m/g, '');
    expect(ACTIVE.test(out)).toBe(false);
  });

  test.prop([fc.string({ maxLength: 200 }).filter((s) => !ACTIVE.test(s))])('text without control characters is unchanged', (text) => {
    expect(sanitizeTerminalText(text, false)).toBe(text);
  });
});
