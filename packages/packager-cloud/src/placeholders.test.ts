import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { escapeDollars, resolvePlaceholders } from './placeholders.ts';
import { composeDuration, probeSeconds } from './quantities.ts';

const ports = new Map([['api.http', 8080], ['db.sql', 5432]]);

describe('placeholders and escaping', () => {
  it('resolves service ports and leaves everything else', () => {
    expect(resolvePlaceholders('http://api:${api.http}/x?db=${db.sql}', ports)).toBe('http://api:8080/x?db=5432');
    expect(resolvePlaceholders('${nope.x} $HOME ${', ports)).toBe('${nope.x} $HOME ${');
  });

  test.prop([fc.string({ maxLength: 40 })], { numRuns: 200 })('escaping doubles every $, so reading $$ as $ gives the text back', (s) => {
    const escaped = escapeDollars(s);
    expect(escaped.replace(/\$\$/g, '$')).toBe(s);
    expect(escaped.replace(/\$\$/g, '')).not.toContain('$');
  });

  test.prop([fc.stringMatching(/^[a-z0-9 :/_-]{0,20}$/), fc.constantFrom('api.http', 'db.sql'), fc.stringMatching(/^[a-z0-9 :/_-]{0,20}$/)], { numRuns: 100 })(
    'a resolved placeholder becomes exactly its port',
    (a, token, b) => {
      expect(resolvePlaceholders(`${a}\${${token}}${b}`, ports)).toBe(`${a}${ports.get(token) ?? ''}${b}`);
    },
  );
});

describe('quantities', () => {
  test.prop([fc.integer({ min: 1, max: 10_000_000 })], { numRuns: 100 })('durations round up to whole probe seconds and stay exact for Compose', (ms) => {
    expect(probeSeconds(ms) * 1000).toBeGreaterThanOrEqual(ms);
    expect(probeSeconds(ms) * 1000 - ms).toBeLessThan(1000);
    const text = composeDuration(ms);
    expect(text.endsWith('ms') ? Number(text.slice(0, -2)) : Number(text.slice(0, -1)) * 1000).toBe(ms);
  });
});
