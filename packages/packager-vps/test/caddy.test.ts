import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { caddyPath, caddyQuote, isSdkError } from '@deployment-manager/core';
import { caddyTokens, exampleCloudApp, hostileMaps, replaceStrings } from '@deployment-manager/testkit';
import { renderCaddyfile } from '../src/caddyfile.ts';

const hasCaddy = spawnSync('caddy', ['version']).status === 0;
if (!hasCaddy) console.warn('[packager-vps tests] caddy is not on PATH, so `caddy adapt` is skipped (the Caddyfile grammar check still runs)');
const value = fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 16 }), fc.stringMatching(/^[a-z0-9 #*@.\/:;'`$()<>|&-]{1,16}$/));

describe('caddyQuote', () => {
  test.prop([value], { numRuns: 1000 })('one token, exactly the value, on the same line - or refused', (v) => {
    let token: string;
    try {
      token = caddyQuote(v);
    } catch (error) {
      expect(isSdkError(error, 'EMIT_VALUE_INVALID')).toBe(true);
      return;
    }
    expect(caddyTokens(`respond ${token} 200 # note\n`)).toEqual({ tokens: ['respond', v, '200'], lines: 2 });
    expect(token).not.toMatch(/\{\$|\{|\}/);
  });

  test.prop([value], { numRuns: 1000 })('caddyPath keeps a path one token, or refuses it', (v) => {
    let token: string;
    try {
      token = caddyPath(`/${v}`);
    } catch (error) {
      expect(isSdkError(error, 'EMIT_VALUE_INVALID')).toBe(true);
      return;
    }
    expect(caddyTokens(`path ${token}\n`).tokens).toEqual(['path', `/${v}`]);
  });
});

describe.skipIf(!hasCaddy)('caddy adapt', () => {
    test.prop([fc.stringMatching(/^[a-z0-9][a-z0-9 #*@.\/:;'`$()<>|&-]{0,15}$/)], { numRuns: 20 })('caddy adapt reads the quoted value back as the response body', (v) => {
      const dir = mkdtempSync(join(tmpdir(), 'dm-caddy-'));
      try {
        writeFileSync(join(dir, 'Caddyfile'), `:8080 {\n\trespond ${caddyQuote(v)} 200\n}\n`);
        const r = spawnSync('caddy', ['adapt', '--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile'], { encoding: 'utf8' });
        expect(r.status).toBe(0);
        const json = JSON.parse(r.stdout) as { apps: { http: { servers: Record<string, { routes: { handle: { body?: string }[] }[] }> } } };
        const body = Object.values(json.apps.http.servers)[0]?.routes[0]?.handle[0]?.body;
        expect(body).toBe(v);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
});

const { manifest } = exampleCloudApp();

describe('renderCaddyfile with hostile manifests', () => {
  test.prop([hostileMaps(manifest)], { numRuns: 1000 })('keeps its directives and lines; values are single tokens - or the value is refused', ({ hostile, harmless }) => {
    let text: string;
    try {
      text = renderCaddyfile(replaceStrings(manifest, hostile));
    } catch (error) {
      expect(isSdkError(error, 'EMIT_VALUE_INVALID')).toBe(true);
      return;
    }
    const [bad, good] = [caddyTokens(text), caddyTokens(renderCaddyfile(replaceStrings(manifest, harmless)))];
    expect(bad.lines).toBe(good.lines);
    expect(bad.tokens.length).toBe(good.tokens.length);
    good.tokens.forEach((t, i) => {
      if (!/v[0-9]/.test(t)) expect(bad.tokens[i]).toBe(t);
    });
  });
});
