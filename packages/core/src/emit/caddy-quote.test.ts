import { describe, expect, it } from 'vitest';
import { caddyPath, caddyQuote } from './caddy-quote.ts';

// The grammar property (1,000 cases, plus `caddy adapt`) runs in packager-vps, beside the Caddyfile emitter.
describe('caddyQuote and caddyPath', () => {
  it('write one double-quoted token and refuse what Caddy would read as syntax', () => {
    expect([caddyQuote('shop.example.com'), caddyQuote('api:8080'), caddyPath('/api/*')]).toEqual(['"shop.example.com"', '"api:8080"', '"/api/*"']);
    for (const bad of ['{$HOME}', 'a}', 'a"b', 'a\\b', 'a\nb', '', '@named', '*', '/path']) expect(() => caddyQuote(bad)).toThrow(expect.objectContaining({ code: 'EMIT_VALUE_INVALID' }));
    expect(() => caddyPath('api')).toThrow(expect.objectContaining({ code: 'EMIT_VALUE_INVALID' }));
  });
});
