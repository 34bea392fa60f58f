import { describe, expect, it } from 'vitest';
import { createGraph, hasErrors, nodeId, type DependencyGraph } from '@deployment-manager/core';
import type { MobileManifest } from '@deployment-manager/bundle';
import { checkMobileBundle } from '../src/index.ts';
import { sampleManifest } from './sample.ts';

const valid = sampleManifest();
const codes = (m: unknown, o: Parameters<typeof checkMobileBundle>[1] = {}, severity = 'error'): string[] =>
  checkMobileBundle(m as MobileManifest, o).filter((d) => d.severity === severity).map((d) => d.code);

const graphOf = (root: string, deps: readonly string[], optional: readonly string[] = []): DependencyGraph =>
  createGraph({ root: nodeId('scenario', root), edges: [...deps, ...optional].map((d) => ({ from: nodeId('scenario', root), to: nodeId('resource', d), required: !optional.includes(d) })) });

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

  it('with the real graph, reports dependencies placed nowhere: an error when they cannot run on a phone', () => {
    const noBackend: MobileManifest = { ...valid, remote_services: valid.remote_services.filter((r) => r.id !== 'api'), swaps: valid.swaps?.filter((s) => s.original !== 'n8n') ?? [], secrets: [], config: {} };
    const issues = checkMobileBundle(noBackend, { graph: graphOf('tally', ['postgres', 'qdrant', 'n8n'], ['redis']) });
    const unplaced = issues.filter((d) => d.code === 'MOBILE_DEPENDENCY_UNPLACED').map((d) => [d.severity, d.path]);
    expect(unplaced).toEqual([
      ['error', '/graph/nodes/resource:n8n'],
      ['warning', '/graph/nodes/resource:redis'],
    ]);
    expect(issues.find((d) => d.path === '/graph/nodes/resource:redis')?.hint).toContain('managed-redis');
    expect(issues.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['MOBILE_DEPENDENCY_UNPLACED']);
  });

  it('warns when the graph given is not the manifest scenario', () => {
    expect(codes(valid, { graph: graphOf('other', ['postgres']) }, 'warning')).toContain('MOBILE_GRAPH_ROOT_MISMATCH');
  });

  it('with a backend every other dependency runs behind it, so nothing is unplaced', () => {
    const issues = checkMobileBundle(valid, { graph: graphOf('tally', ['postgres', 'qdrant', 'n8n', 'ollama'], ['redis']) });
    expect(issues.filter((d) => d.code === 'MOBILE_DEPENDENCY_UNPLACED')).toEqual([]);
    expect(hasErrors(issues)).toBe(false);
  });

  it('warns when a swap target is unknown to fitness, and when the app needs a device secret the manifest lacks', () => {
    const m: MobileManifest = { ...valid, swaps: [...(valid.swaps ?? []), { original: 'redis', replacement: 'mystery-cache' }] };
    expect(codes(m, {}, 'warning')).toEqual(['MOBILE_SWAP_UNKNOWN']);
    // No backend and a hosted api called from the device: its key is the user's, and the manifest must declare it.
    const direct: MobileManifest = { ...valid, remote_services: [], embedded: [], swaps: [{ original: 'ollama', replacement: 'openai' }], secrets: [], config: {} };
    expect(codes(direct, {}, 'warning')).toEqual(['MOBILE_SECRET_NOT_IN_MANIFEST']);
  });

  it('is deterministic and never throws on a manifest whose swaps fitness cannot apply', () => {
    const m: MobileManifest = { ...valid, swaps: [{ original: 'postgres', replacement: 'sqlite' }, { original: 'sqlite', replacement: 'postgres' }] };
    const first = checkMobileBundle(m);
    expect(checkMobileBundle(m)).toEqual(first);
    expect(first.map((d) => d.code)).toContain('MOBILE_SWAP_NOT_APPLIED');
  });
});
