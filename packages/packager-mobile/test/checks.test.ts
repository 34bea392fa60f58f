import { describe, expect, it } from 'vitest';
import { hasErrors } from '@deployment-manager/core';
import type { MobileManifest } from '@deployment-manager/bundle';
import { checkMobileBundle } from '../src/index.ts';
import { sampleManifest } from './sample.ts';

const valid = sampleManifest();
const codes = (m: unknown, o: Parameters<typeof checkMobileBundle>[1] = {}, severity = 'error'): string[] =>
  checkMobileBundle(m as MobileManifest, o).filter((d) => d.severity === severity).map((d) => d.code);

describe('checkMobileBundle', () => {
  it('passes the sample with no error and no warning', () => {
    expect(checkMobileBundle(valid)).toEqual([]);
  });

  it("refuses what the manifest's own validation refuses, by code", () => {
    expect(codes({ ...valid, app_id: 'tally' })).toContain('SCHEMA_PATTERN');
    const insecure = { ...valid, remote_services: [{ id: 'api', url: 'http://api.example.com' }], config: {} };
    expect(checkMobileBundle(insecure as MobileManifest).map((d) => d.code)).toContain('REMOTE_URL_INSECURE');
    expect(codes({ ...valid, secrets: [{ id: 'db', class: 'infrastructure', target: { type: 'secure_storage', name: 'db' } }] })).toContain('SECRET_INFRASTRUCTURE_BUNDLED');
    expect(codes({ ...valid, target: 'desktop' }).length).toBeGreaterThan(0);
    expect(codes(null)).toEqual(['MANIFEST_NOT_OBJECT']);
  });

  it("applies Capacitor's app id rule to an app id given as an option, and the platform rules to every id", () => {
    expect(codes(valid, { appId: 'com.example-app.tally' })).toEqual(['MOBILE_APP_ID_INVALID']);
    expect(codes({ ...valid, app_id: 'com.example.new' })).toEqual(['MOBILE_APP_ID_RESERVED_WORD']);
    expect(codes({ ...valid, app_id: 'com.example.new', platforms: ['ios'] })).toEqual([]);
    expect(codes({ ...valid, app_id: 'com.example.my_tally' }, {}, 'warning')).toEqual(['MOBILE_APP_ID_IOS_UNDERSCORE']);
  });

  it('refuses a device secret that a server holds unless it is fetched remotely', () => {
    const secrets = [...(valid.secrets ?? [])];
    secrets[2] = { ...(secrets[2] as NonNullable<MobileManifest['secrets']>[number]), class: 'user_prompt', prompt: { label: 'key' } };
    const issues = checkMobileBundle({ ...valid, secrets });
    expect(issues.filter((d) => d.severity === 'error').map((d) => [d.code, d.path])).toEqual([['MOBILE_SECRET_SERVER_HELD', '/secrets/2/class']]);
  });

  it('needs a remote service to fetch remote secrets from, and a secretStore option that names one', () => {
    const lone: MobileManifest = { ...valid, remote_services: [], embedded: [], swaps: [], config: {} };
    expect(codes(lone)).toEqual(['MOBILE_SECRET_STORE_MISSING']);
    expect(codes(valid, { secretStore: 'vault' })).toEqual(['MOBILE_SECRET_STORE_UNKNOWN']);
    expect(codes(valid, { secretStore: 'search' })).toEqual([]);
  });

  it('reports dependencies the manifest places nowhere: an error when a required one cannot run on a phone', () => {
    const placements = (valid.placements ?? []).map((p) => (p.dependency === 'n8n' ? { ...p, kind: 'unplaced' as const, via: undefined } : p));
    const redis = { dependency: 'redis', node: 'resource:redis', kind: 'unplaced' as const, catalog: 'redis', hosted: false, required: false, must_move: true, why: [], replacement: { name: 'managed-redis', source: 'swap-catalog' as const, hosted: true, lacks: [] }, alternatives: [] };
    const m = { ...valid, placements: [...placements.map(({ via, ...p }) => (via === undefined ? p : { ...p, via })), redis] } as MobileManifest;
    const issues = checkMobileBundle(m);
    expect(issues.filter((d) => d.code === 'MOBILE_DEPENDENCY_UNPLACED').map((d) => [d.severity, d.path])).toEqual([
      ['error', '/placements/0'],
      ['warning', '/placements/7'],
    ]);
    expect(issues.find((d) => d.path === '/placements/7')?.hint).toContain('managed-redis');
  });

  it('with the placements the assembly wrote, nothing is unplaced and the sample is clean', () => {
    expect(checkMobileBundle(valid).filter((d) => d.code === 'MOBILE_DEPENDENCY_UNPLACED')).toEqual([]);
    expect(hasErrors(checkMobileBundle(valid))).toBe(false);
  });

  it('is deterministic', () => {
    expect(checkMobileBundle(valid)).toEqual(checkMobileBundle(valid));
  });
});
