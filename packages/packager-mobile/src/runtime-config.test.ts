import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { joinUrl, resolveUrls } from './runtime-config.ts';

const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
const url = fc.webUrl({ withQueryParameters: false, withFragments: false });
const plain = fc.string({ maxLength: 20 }).filter((s) => !s.includes('${'));

describe('resolveUrls', () => {
  test.prop([plain])('leaves text without placeholders unchanged', (text) => {
    expect(resolveUrls(text, new Map([['api', 'https://x']]))).toBe(text);
  });

  test.prop([fc.uniqueArray(fc.tuple(id, url), { selector: ([k]) => k, minLength: 1, maxLength: 4 }), fc.array(fc.tuple(plain, fc.nat()), { maxLength: 5 }), plain])(
    'replaces every known ${id.url} by its URL and nothing else',
    (services, pieces, tail) => {
      const urls = new Map(services);
      const ids = services.map(([k]) => k);
      const text = pieces.map(([p, n]) => `${p}\${${ids[n % ids.length] as string}.url}`).join('') + tail;
      const expected = pieces.map(([p, n]) => `${p}${urls.get(ids[n % ids.length] as string) as string}`).join('') + tail;
      expect(resolveUrls(text, urls)).toBe(expected);
    },
  );

  it('keeps unknown, non-url and unterminated placeholders as written', () => {
    const urls = new Map([['api', 'https://api.example.com']]);
    expect(resolveUrls('${nope.url}/${api.port}/${api.url}/${api', urls)).toBe('${nope.url}/${api.port}/https://api.example.com/${api');
  });
});

describe('joinUrl', () => {
  test.prop([url, fc.stringMatching(/^\/{0,2}[a-z]{0,6}$/)])('puts exactly one slash between base and path', (base, path) => {
    const joined = joinUrl(`${base}/`, path);
    expect(joined.startsWith(base.replace(/\/+$/, ''))).toBe(true);
    expect(joined.slice(base.replace(/\/+$/, '').length)).toBe(`/${path.replace(/^\/+/, '')}`);
  });
});
