import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { isSdkError } from '@deployment-manager/core';
import { DEFAULT_CATALOG, createCatalog, lookupEntry, swapRules } from './catalog.ts';

// Every resource named in the Vrooli fixtures (resource directories, scenario declarations, runtime.json dependencies).
const FIXTURE_RESOURCES = [
  'agent-s2', 'airbyte', 'apache-airflow', 'browserless', 'claude-code', 'codex', 'comfyui', 'crewai', 'esphome', 'freecad', 'gazebo', 'gridlabd',
  'huginn', 'k6', 'keycloak', 'llamaindex', 'matrix-synapse', 'mesa', 'minio', 'nextcloud', 'node-red', 'nsfw-detector', 'obs-studio', 'octoprint',
  'odoo', 'ollama', 'open-data-cube', 'openrouter', 'pihole', 'postgres', 'prometheus-grafana', 'qdrant', 'redis', 'ros2', 'searxng',
  'segment-anything', 'simpy', 'sqlite', 'ultralytics-yolo', 'unstructured-io', 'vault', 'virustotal', 'whisper', 'zigbee2mqtt',
  'n8n', 'judge0', 'windmill', 'opencode', 'litellm', 'mosquitto', 'home-assistant',
];
const REPLACEMENTS = ['sqlite', 'in-process-cache', 'faiss', 'local-vector-index', 'openrouter', 'openai', 'anthropic', 'packaged-model',
  'embedded-workflows', 'playwright-driver', 's3', 'local-filesystem', 'supabase', 'managed-postgres'];

describe('built-in catalog', () => {
  it('knows every fixture resource and the usual replacements', () => {
    const missing = [...FIXTURE_RESOURCES, ...REPLACEMENTS].filter((n) => lookupEntry(DEFAULT_CATALOG, n) === undefined);
    expect(missing).toEqual([]);
  });

  it('resolves aliases and resource- prefixes to one entry', () => {
    expect(lookupEntry(DEFAULT_CATALOG, 'PostgreSQL')?.name).toBe('postgres');
    expect(lookupEntry(DEFAULT_CATALOG, 'resource-claude-code')?.name).toBe('claude-code');
    expect(lookupEntry(DEFAULT_CATALOG, 'playwright')?.name).toBe('playwright-driver');
  });

  it('states the facts the cascade relies on', () => {
    const pg = lookupEntry(DEFAULT_CATALOG, 'postgres');
    const lite = lookupEntry(DEFAULT_CATALOG, 'sqlite');
    expect(pg?.provides).toContain('jsonb');
    expect(lite?.provides).not.toContain('jsonb');
    expect(pg?.secrets?.map((s) => s.env)).toEqual(expect.arrayContaining(['POSTGRES_PASSWORD']));
    expect(lite?.daemon).toBe(false);
  });
});

describe('createCatalog', () => {
  it('merges a user entry over a built-in one with the same name or alias', () => {
    const c = createCatalog([{ name: 'postgresql', ramMb: 4096 }]);
    const pg = lookupEntry(c, 'postgres');
    expect(pg?.ramMb).toBe(4096);
    expect(pg?.provides).toContain('jsonb');
  });

  it('extends the catalog with new names and fills defaults', () => {
    const c = createCatalog([{ name: 'duckdb', daemon: false, network: 'none', provides: ['sql'] }]);
    expect(lookupEntry(c, 'duckdb')?.assumedNeeds).toEqual(['sql']);
    expect(createCatalog([{ name: 'x' }], { builtins: false }).entries.size).toBe(1);
  });

  it('rejects invalid facts with CATALOG_INVALID', () => {
    for (const bad of [{ name: '' }, { name: 'a', ramMb: -1 }, { name: 'a', gpu: 'maybe' }, { name: 'a', license: { spdx: 'x', class: 'odd' } }, { name: 'a', requires: ['a'] }]) {
      let caught: unknown;
      try {
        createCatalog([bad as never]);
      } catch (e) {
        caught = e;
      }
      expect(isSdkError(caught, 'CATALOG_INVALID')).toBe(true);
    }
  });

  test.prop([fc.array(fc.record({ name: fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/), ramMb: fc.nat(100000), daemon: fc.boolean() }), { maxLength: 8 })], { numRuns: 100 })(
    'every user entry is found by its name afterwards, with its own facts',
    (entries) => {
      const c = createCatalog(entries);
      for (const e of entries) {
        const last = [...entries].reverse().find((x) => lookupEntry(c, x.name)?.name === lookupEntry(c, e.name)?.name && x.name === e.name);
        expect(lookupEntry(c, e.name)?.ramMb).toBe(last?.ramMb);
      }
    },
  );
});

describe('one record per dependency', () => {
  it('names every swap target, and every record a daemon runs from, in the catalog itself', () => {
    for (const e of DEFAULT_CATALOG.entries.values()) {
      for (const s of e.swaps) expect(lookupEntry(DEFAULT_CATALOG, s.to)?.name).toBe(s.to);
      if (e.container !== undefined) expect(e.daemon).toBe(true);
    }
  });

  it('gives each managed replacement a connection secret, and each durable image a data directory', () => {
    for (const e of DEFAULT_CATALOG.entries.values()) {
      if (e.hosting === 'hosted-api' && e.compatibleWith.length > 0) expect((e.secrets ?? []).some((s) => s.connection === true)).toBe(true);
      if (e.container !== undefined && e.persistence === 'durable' && e.name !== 'vault') expect(e.container.dataDir).toMatch(/^\//);
    }
  });

  it('states what the official images read: postgres data under PGDATA, minio root credentials, a redis password on the command line', () => {
    const pg = lookupEntry(DEFAULT_CATALOG, 'postgres');
    expect(pg?.container).toMatchObject({ image: 'postgres', dataDir: '/var/lib/postgresql/data' });
    expect(pg?.container?.env?.['PGDATA']?.startsWith(`${pg.container.dataDir}/`)).toBe(true);
    const minio = lookupEntry(DEFAULT_CATALOG, 'minio');
    expect(minio?.secrets?.map((s) => [s.env, s.serviceEnv])).toEqual([['MINIO_ACCESS_KEY', 'MINIO_ROOT_USER'], ['MINIO_SECRET_KEY', 'MINIO_ROOT_PASSWORD']]);
    expect(minio?.container?.args).toEqual(['server', '/data', '--console-address', ':9001']);
    expect(lookupEntry(DEFAULT_CATALOG, 'redis')?.container?.command?.join(' ')).toContain('--requirepass "$REDIS_PASSWORD"');
  });

  it('reads `_` as `-` in names', () => {
    expect(lookupEntry(DEFAULT_CATALOG, 'node_red')?.name).toBe('node-red');
    expect(lookupEntry(DEFAULT_CATALOG, 'Resource-Prometheus_Grafana')?.name).toBe('prometheus-grafana');
  });

  it('lists swaps as flat rules, per tier', () => {
    expect(swapRules(DEFAULT_CATALOG, 'desktop').filter((r) => r.from === 'minio').map((r) => r.to)).toEqual(['local-filesystem']);
    expect(swapRules(DEFAULT_CATALOG).every((r) => r.tiers.length > 0)).toBe(true);
  });

  it('refuses a swap to an unknown record, and a container for a library', () => {
    expect(() => createCatalog([{ name: 'x', swaps: [{ to: 'nowhere', tiers: ['desktop'], effort: 'low', note: '' }] }])).toThrow(/not in the catalog/);
    expect(() => createCatalog([{ name: 'y', daemon: false, container: { image: 'y', tag: '1' } }])).toThrow(/only a daemon/);
  });

  it('merges by one rule: a given field replaces the built-in one whole, others are kept', () => {
    const c = createCatalog([{ name: 'postgres', container: { image: 'postgres', tag: '17.2' } }]);
    const pg = lookupEntry(c, 'postgres');
    expect(pg?.container).toEqual({ image: 'postgres', tag: '17.2' });
    expect(pg?.secrets).toEqual(lookupEntry(DEFAULT_CATALOG, 'postgres')?.secrets);
  });
});
