import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { checkRequest } from './request-guard.ts';

const token = 'Zk3v2m0yQ1xJmW8rT5u7pA9cE4bN6dLh';
const port = 41234;
const ctx = { token, port };

describe('checkRequest', () => {
  it('lets in the token path under either loopback name, and redirects the bare token to its folder', () => {
    expect(checkRequest({ host: `127.0.0.1:${port}`, url: `/${token}/api/session` }, ctx)).toEqual({ ok: true, path: '/api/session', query: '' });
    expect(checkRequest({ host: `localhost:${port}`, url: `/${token}/?x=1` }, ctx)).toEqual({ ok: true, path: '/', query: '?x=1' });
    expect(checkRequest({ host: `127.0.0.1:${port}`, url: `/${token}` }, ctx)).toEqual({ ok: 'redirect', location: `/${token}/` });
  });

  const otherToken = fc.string({ maxLength: 60 }).filter((s) => !/[/?]/.test(s) && s !== token);
  test.prop([otherToken, fc.string({ maxLength: 40 })])('refuses any other token with 403', (given, rest) => {
    expect(checkRequest({ host: `127.0.0.1:${port}`, url: `/${given}/${rest}` }, ctx)).toMatchObject({ ok: false, status: 403 });
  });

  test.prop([fc.option(fc.string({ maxLength: 40 }), { nil: undefined })])('refuses any other Host with 421, even with the token (DNS rebinding)', (host) => {
    fc.pre(host?.toLowerCase() !== `127.0.0.1:${port}` && host?.toLowerCase() !== `localhost:${port}`);
    expect(checkRequest({ host, url: `/${token}/api/session` }, ctx)).toMatchObject({ ok: false, status: 421 });
  });

  it('refuses look-alike hosts', () => {
    for (const host of [`127.0.0.1:${port + 1}`, `evil.example:${port}`, `127.0.0.1.evil.example:${port}`, '127.0.0.1', `localhost.:${port}`]) {
      expect(checkRequest({ host, url: `/${token}/` }, ctx)).toMatchObject({ ok: false, status: 421 });
    }
  });
});
