import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify as stringifyYaml } from 'yaml';
import { hostileDocument, hostileJsonText, prototypesClean } from '../test/arbitraries.ts';
import { compactDocument } from '../test/compact-arbitraries.ts';
import { stringifyCompactWorkspace, toCompactWorkspace } from './compact-export.ts';
import { loadCompactWorkspace, parseCompactWorkspace } from './compact-workspace.ts';
import { isSdkError } from './errors.ts';
import { buildGraph } from './graph.ts';
import { loadWorkspace } from './load-workspace.ts';
import type { Workspace } from './model.ts';

const SHOP_YAML = `
version: 1
scenarios:
  shop:
    displayName: Shop
    ports:
      api: { env: API_PORT, range: 15000-15099 }
      ui: { env: UI_PORT, port: 35001 }
    health:
      - { name: api, type: http, target: "http://localhost:\${API_PORT}/health", timeoutMs: 3000 }
    dependencies:
      - postgres
      - { name: redis, required: false, enabled: false, purpose: cache }
      - scenario:auth
    secrets:
      - { name: SESSION_SECRET, description: cookie signing key }
  auth:
    dependencies: [postgres]
resources:
  postgres: { startupOrder: 1000, priority: critical }
  redis: {}
  pgbouncer:
    dependencies: [postgres]
edges:
  - { from: "scenario:shop", to: "resource:pgbouncer", required: false }
  - { from: "resource:ghost", to: "resource:postgres" }
`;

const edgesOf = (ws: Workspace, scenario: string): string[] =>
  buildGraph(ws, scenario, { policy: 'all' }).edges.map((e) => `${e.from}>${e.to}${e.required ? '' : '?'}${e.enabled ? '' : '-'}`);

describe('parseCompactWorkspace', () => {
  const ws = parseCompactWorkspace(SHOP_YAML, 'workspace.yaml');

  it('reads scenarios, resources and extra edges into a compact workspace', () => {
    expect(ws.layout).toBe('compact');
    expect([...ws.scenarios.keys()]).toEqual(['auth', 'shop']);
    expect([...ws.resources.keys()]).toEqual(['pgbouncer', 'postgres', 'redis']);
    expect(edgesOf(ws, 'shop')).toEqual([
      'resource:pgbouncer>resource:postgres',
      'scenario:auth>resource:postgres',
      'scenario:shop>resource:pgbouncer?',
      'scenario:shop>resource:postgres',
      'scenario:shop>resource:redis?-',
      'scenario:shop>scenario:auth',
    ]);
    expect(ws.diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual(['COMPACT_EDGE_UNKNOWN /edges/1/from']);
  });

  it('fills ports, health, secrets and env names like the Vrooli loader', () => {
    const shop = ws.scenarios.get('shop');
    expect(shop?.ports).toEqual([
      { name: 'api', env: 'API_PORT', range: [15000, 15099] },
      { name: 'ui', env: 'UI_PORT', port: 35001 },
    ]);
    expect(shop?.health).toEqual([{ name: 'api', type: 'http', target: 'http://localhost:${API_PORT}/health', critical: true, timeoutMs: 3000 }]);
    expect(shop?.secrets).toEqual([{ name: 'SESSION_SECRET', description: 'cookie signing key', required: true, source: { file: 'workspace.yaml', path: '/scenarios/shop/secrets/0' } }]);
    expect(shop?.envNames).toEqual(['API_PORT', 'UI_PORT']);
    expect(ws.resources.get('postgres')).toEqual({ name: 'postgres', dependencies: [], startupOrder: 1000, priority: 'critical', extras: {}, file: 'workspace.yaml' });
  });

  it('skips invalid entries with pointed diagnostics and loads the rest', () => {
    const bad = parseCompactWorkspace(
      JSON.stringify({ version: 1, scenarios: { ok: {}, 'bad name': {}, typo: { dependencies: [{ nmae: 'x' }] }, p: { ports: { api: { range: '9-1' } } } }, extra: true }),
      'w.json',
    );
    expect([...bad.scenarios.keys()]).toEqual(['ok', 'p']);
    expect(bad.diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual([
      'COMPACT_INVALID /extra',
      'COMPACT_INVALID /scenarios/bad name',
      'PORT_INVALID /scenarios/p/ports/api/range',
      'COMPACT_INVALID /scenarios/typo/dependencies/0',
    ]);
  });

  it('throws PARSE_FAILED for bad syntax or a document that is not version 1, without echoing content', () => {
    for (const [text, file] of [
      ['{"version": 1, "token": hunter2}', 'w.json'],
      ['version: 1\nscenarios: [hunter2', 'w.yaml'],
      ['version: 2', 'w.yaml'],
      ['- hunter2', 'w.yaml'],
    ] as const) {
      let caught: unknown;
      try {
        parseCompactWorkspace(text, file);
      } catch (error) {
        caught = error;
      }
      expect(isSdkError(caught, 'PARSE_FAILED')).toBe(true);
      expect(JSON.stringify((caught as Error).message)).not.toContain('hunter2');
    }
  });

  it('treats __proto__ names as invalid data, never as a prototype', () => {
    const hostile = parseCompactWorkspace('{"version":1,"scenarios":{"__proto__":{"dependencies":["x"]}},"resources":{"r":{"extras":{"__proto__":{"polluted":true}}}}}', 'w.json');
    expect([...hostile.scenarios.keys()]).toEqual([]);
    expect(hostile.diagnostics.map((d) => d.path)).toEqual(['/scenarios/__proto__']);
    expect((hostile.resources.get('r')?.extras as { polluted?: unknown }).polluted).toBeUndefined();
    expect(prototypesClean()).toBe(true);
  });
});

describe('compact files on disk', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'dm-core-compact-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('loadWorkspace and loadCompactWorkspace accept a .yaml/.json path', () => {
    writeFileSync(join(tmp, 'ws.yaml'), SHOP_YAML);
    const viaLoad = loadWorkspace(join(tmp, 'ws.yaml'));
    expect(viaLoad).toEqual(loadCompactWorkspace(join(tmp, 'ws.yaml')));
    expect(viaLoad.root).toBe(join(tmp, 'ws.yaml'));
    expect(viaLoad.scenarios.get('shop')?.file).toBe('ws.yaml');
    expect(() => loadCompactWorkspace(join(tmp, 'missing.yaml'))).toThrowError(expect.objectContaining({ code: 'FILE_UNREADABLE' }));
  });

  it('converts the mini-vrooli workspace to a compact file that loads to the same graphs', () => {
    const vrooli = loadWorkspace(new URL('../test/fixtures/mini-vrooli/', import.meta.url).pathname);
    writeFileSync(join(tmp, 'mini.json'), stringifyCompactWorkspace(vrooli, 'json'));
    const compact = loadWorkspace(join(tmp, 'mini.json'));
    expect(compact.diagnostics).toEqual([]);
    for (const name of vrooli.scenarios.keys()) expect(edgesOf(compact, name)).toEqual(edgesOf(vrooli, name));
    expect(compact.scenarios.get('shop')?.ports).toEqual(vrooli.scenarios.get('shop')?.ports);
  });
});

describe('env names of a compact scenario', () => {
  it('come from configuration, never from prose: a purpose or description that mentions $A names nothing, inline or as an edge', () => {
    const doc = { version: 1, scenarios: { b: { description: 'pays $B', dependencies: [{ name: 'c', kind: 'scenario', purpose: '$C' }] }, a: {}, c: {} }, edges: [{ from: 'scenario:b', to: 'scenario:a', purpose: '$A' }] };
    const ws = parseCompactWorkspace(JSON.stringify(doc), 'ws', { format: 'json' });
    expect(ws.scenarios.get('b')?.envNames).toEqual([]);
    const text = stringifyCompactWorkspace(ws);
    expect(parseCompactWorkspace(text, 'ws', { format: 'yaml' }).scenarios.get('b')?.envNames).toEqual([]);
  });
});

describe('compact format properties', () => {
  test.prop([compactDocument], { numRuns: 100 })('JSON and YAML of one document give equal workspaces', (doc) => {
    const fromJson = parseCompactWorkspace(JSON.stringify(doc), 'ws', { format: 'json' });
    const fromYaml = parseCompactWorkspace(stringifyYaml(doc), 'ws', { format: 'yaml' });
    expect(fromYaml).toEqual(fromJson);
  });

  test.prop([compactDocument, fc.constantFrom('json' as const, 'yaml' as const)], { numRuns: 150 })(
    'round trip: export then parse gives the same canonical document and the same graphs',
    (doc, format) => {
      const first = parseCompactWorkspace(JSON.stringify(doc), 'ws', { format: 'json' });
      const second = parseCompactWorkspace(stringifyCompactWorkspace(first, format), 'ws', { format });
      expect(toCompactWorkspace(second)).toEqual(toCompactWorkspace(first));
      expect(second.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      for (const name of first.scenarios.keys()) expect(edgesOf(second, name)).toEqual(edgesOf(first, name));
    },
  );

  test.prop([compactDocument], { numRuns: 100 })('export is deterministic and idempotent', (doc) => {
    const ws = parseCompactWorkspace(JSON.stringify(doc), 'ws', { format: 'json' });
    const text = stringifyCompactWorkspace(ws);
    expect(stringifyCompactWorkspace(parseCompactWorkspace(text, 'ws', { format: 'yaml' }))).toBe(text);
  });

  test.prop([fc.oneof(hostileJsonText, fc.jsonValue().map((v) => JSON.stringify(v)), hostileDocument(['version', 'scenarios', 'resources', 'edges']).map((v) => JSON.stringify(v)))], { numRuns: 200 })(
    'never throws anything but SdkError on arbitrary JSON',
    (text) => {
      try {
        parseCompactWorkspace(text, 'w.json');
      } catch (error) {
        expect(isSdkError(error)).toBe(true);
      }
      expect(prototypesClean()).toBe(true);
    },
  );

  test.prop([fc.string({ maxLength: 200 })], { numRuns: 200 })('never throws anything but SdkError on arbitrary YAML text', (text) => {
    try {
      parseCompactWorkspace(`version: 1\n${text}`, 'w.yaml');
    } catch (error) {
      expect(isSdkError(error)).toBe(true);
    }
  });

  it('survives deeply nested YAML and JSON', () => {
    for (const [text, file] of [
      [`version: 1\nscenarios: ${'['.repeat(20_000)}${']'.repeat(20_000)}`, 'w.yaml'],
      [`{"version":1,"resources":{"r":{"extras":${'['.repeat(50_000)}${']'.repeat(50_000)}}}}`, 'w.json'],
    ] as const) {
      expect(() => parseCompactWorkspace(text, file)).toThrowError(expect.objectContaining({ code: 'PARSE_FAILED' }));
    }
  });
});
