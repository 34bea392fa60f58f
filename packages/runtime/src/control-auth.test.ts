import { fc, test } from '@fast-check/vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAuthorized, readToken, writeToken } from './control-auth.ts';

describe('control token', () => {
  it('is written 0600 and read back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dm-token-'));
    try {
      const token = writeToken(join(dir, 'runtime', 'auth-token'));
      expect(token).toMatch(/^[0-9a-f]{64}$/);
      expect(statSync(join(dir, 'runtime', 'auth-token')).mode & 0o777).toBe(0o600);
      expect(readToken(join(dir, 'runtime', 'auth-token'))).toBe(token);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  test.prop([fc.stringMatching(/^[0-9a-f]{64}$/), fc.option(fc.string(), { nil: undefined })])('authorizes exactly "Bearer <token>"', (token, header) => {
    expect(isAuthorized(`Bearer ${token}`, token)).toBe(true);
    expect(isAuthorized(`bearer ${token}`, token)).toBe(true);
    expect(isAuthorized(header, token)).toBe(header !== undefined && /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] === token);
    expect(isAuthorized(`Bearer ${token}x`, token)).toBe(false);
  });
});
