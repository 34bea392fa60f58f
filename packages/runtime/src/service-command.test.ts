import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isSdkError } from '@deployment-manager/core';
import { expandPlaceholders, insideDir } from './service-command.ts';

const values = { data: '/app/data', bundle: '/opt/bundle', ports: { api: { http: 47010 }, 'my.db': { sql: 5432 } } };

describe('expandPlaceholders', () => {
  it('resolves statics and service ports, including service ids with dots', () => {
    expect(expandPlaceholders('http://127.0.0.1:${api.http}/x', values)).toBe('http://127.0.0.1:47010/x');
    expect(expandPlaceholders('file:${data}/db?port=${my.db.sql}&b=${bundle}', values)).toBe('file:/app/data/db?port=5432&b=/opt/bundle');
  });
  test.prop([fc.string().filter((s) => !s.includes('${'))])('leaves text without placeholders as it is', (text) => {
    expect(expandPlaceholders(text, values)).toBe(text);
  });
  test.prop([fc.array(fc.constantFrom('${api.http}', '${data}', 'a', '}', ' ', ':'), { maxLength: 12 })])('never leaves a known placeholder behind', (parts) => {
    const out = expandPlaceholders(parts.join(''), values);
    expect(out.includes('${api.http}') || out.includes('${data}')).toBe(false);
  });
});

describe('insideDir', () => {
  it('refuses paths that leave their directory', () => {
    expect(insideDir('/app', 'logs/api', 'x')).toBe('/app/logs/api');
    for (const bad of ['../etc/passwd', '/etc/passwd', 'a/../../b']) {
      expect(() => insideDir('/app', bad, 'log dir')).toThrow(expect.objectContaining({ code: 'ASSET_INVALID' }));
    }
    try {
      insideDir('/app', '..', 'x');
    } catch (e) {
      expect(isSdkError(e, 'ASSET_INVALID')).toBe(true);
    }
  });
});
