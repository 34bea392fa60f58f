import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildGraph, findCycles, findDeploymentReport, isSdkError, loadWorkspace, type Diagnostic } from '../src/index.ts';

const ROOT = fileURLToPath(new URL('./fixtures/mini-vrooli/', import.meta.url));
const ws = loadWorkspace(ROOT);

const depsOf = (scenario: string): string[] =>
  (ws.scenarios.get(scenario)?.dependencies ?? []).map((d) => `${d.kind}:${d.name} ${d.required ? 'req' : 'opt'} ${d.enabled ? 'on' : 'off'}`);
const codesFor = (file: string, diagnostics: readonly Diagnostic[] = ws.diagnostics): string[] => diagnostics.filter((d) => d.file === file).map((d) => `${d.code} ${d.path}`);
const serviceFile = (name: string): string => `scenarios/${name}/.vrooli/service.json`;

describe('mini-vrooli (Vrooli layout)', () => {
  it('lists every scenario and resource, sorted, in the vrooli layout', () => {
    expect(ws.layout).toBe('vrooli');
    expect([...ws.scenarios.keys()]).toEqual(['auth', 'billing', 'desk', 'ledger', 'odd', 'shop']);
    expect([...ws.resources.keys()]).toEqual(['cache-proxy', 'minio', 'pgbouncer', 'postgres', 'redis']);
    expect(ws.scenarios.get('shop')?.file).toBe('scenarios/shop/.vrooli/service.json');
    expect(ws.resources.get('postgres')?.file).toBe('resources/postgres/config/runtime.json');
    expect(ws.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('shop: map shape, alias, scenario listed as a resource, scenario map with a missing one', () => {
    expect(depsOf('shop')).toEqual([
      'resource:postgres req on',
      'resource:redis opt off',
      'resource:minio opt on',
      'scenario:auth req on',
      'scenario:billing req on',
      'scenario:ghost opt on',
    ]);
    const billing = ws.scenarios.get('shop')?.dependencies.find((d) => d.name === 'billing');
    expect(billing).toEqual({
      name: 'billing',
      kind: 'scenario',
      required: true,
      enabled: true,
      version: '1.0.0',
      attributes: { versionRange: '>=1.0.0' },
      source: { file: serviceFile('shop'), path: '/dependencies/scenarios/billing' },
    });
    expect(codesFor(serviceFile('shop'))).toEqual(['DEPENDENCY_ALIAS /dependencies/resources/resource-minio', 'SECRET_INVALID /deployment/tiers/tier-4-saas/secrets/1']);
  });

  it('shop: ports, health checks, declared secrets, env names, metadata', () => {
    const shop = ws.scenarios.get('shop');
    expect(shop).toMatchObject({ displayName: 'Shop', description: 'A small web shop', version: '2.1.0' });
    expect(shop?.ports).toEqual([
      { name: 'api', env: 'API_PORT', range: [15000, 15099], description: 'Shop API' },
      { name: 'ui', env: 'UI_PORT', port: 35001 },
    ]);
    expect(shop?.health).toEqual([
      { name: 'api_endpoint', type: 'http', target: 'http://localhost:${API_PORT}/health', critical: true, timeoutMs: 3000 },
      { name: 'ui_endpoint', type: 'http', target: 'http://localhost:${UI_PORT}/health', critical: false, timeoutMs: 5000 },
    ]);
    expect(shop?.secrets).toEqual([
      // declared for two tiers: one secret, each tier's classification kept for that tier
      { name: 'SESSION_SECRET', description: 'cookie signing key', required: true, classification: { desktop: 'service', saas: 'service' }, source: { file: serviceFile('shop'), path: '/deployment/tiers/tier-2-desktop/secrets/0' } },
    ]);
    expect(shop?.envNames).toEqual(['API_PORT', 'LOG_LEVEL', 'STRIPE_API_KEY', 'UI_PORT']);
  });

  it('billing: required/optional lists of names and objects, scenario deps as a list', () => {
    expect(depsOf('billing')).toEqual(['resource:postgres req on', 'resource:pgbouncer req on', 'resource:redis opt on', 'scenario:ledger req on']);
    expect(ws.scenarios.get('billing')?.dependencies[0]).toMatchObject({ purpose: 'invoices', source: { path: '/dependencies/resources/required/0' } });
  });

  it('ledger: groups mixed with plain entries merge into one edge each; a known scenario under resources is a scenario', () => {
    expect(depsOf('ledger')).toEqual(['resource:postgres req on', 'scenario:auth opt on', 'scenario:billing req on']);
    expect(ws.scenarios.get('ledger')?.dependencies[0]?.attributes).toEqual({ database: 'ledger', type: 'postgres' });
    expect(codesFor(serviceFile('ledger'))).toEqual([
      'DEPENDENCY_GROUPS_MIXED /dependencies/resources',
      'DEPENDENCY_KIND_INFERRED /dependencies/resources/optional/auth',
      'DEPENDENCY_MERGED /dependencies/resources/postgres',
    ]);
  });

  it('desk: details attach to listed names, an orphan detail is diagnosed', () => {
    expect(depsOf('desk')).toEqual(['resource:redis req on', 'resource:minio opt on']);
    expect(ws.scenarios.get('desk')?.dependencies[1]).toMatchObject({ purpose: 'attachments', attributes: { fallback: 'local disk' } });
    expect(codesFor(serviceFile('desk'))).toEqual(['DEPENDENCY_DETAILS_ORPHAN /dependencies/resources/details/postgres']);
  });

  it('auth and odd: a name mismatch and wrong types are diagnosed, the rest still loads', () => {
    expect(codesFor(serviceFile('auth'))).toEqual(['NAME_MISMATCH /service/name']);
    expect(depsOf('auth')).toEqual(['resource:postgres req on']);
    expect(codesFor(serviceFile('odd'))).toEqual([
      'DEPENDENCY_SHAPE_UNKNOWN /dependencies/resources',
      'DEPENDENCY_SHAPE_UNKNOWN /dependencies/scenarios',
      'PORT_INVALID /ports/api/port',
      'PORT_INVALID /ports/ui/range',
    ]);
    expect(ws.scenarios.get('odd')?.ports).toEqual([{ name: 'api', env: 'API_PORT' }, { name: 'ui' }]);
  });

  it('runtime.json: list deps, optional_dependencies, {required, optional, conflicts}', () => {
    const deps = (name: string): string[] => (ws.resources.get(name)?.dependencies ?? []).map((d) => `${d.name} ${d.required ? 'req' : 'opt'} ${d.enabled ? 'on' : 'off'}`);
    expect(deps('pgbouncer')).toEqual(['postgres req on', 'redis opt off']);
    expect(deps('cache-proxy')).toEqual(['redis req on', 'minio opt off']);
    expect(codesFor('resources/cache-proxy/config/runtime.json')).toEqual(['DEPENDENCY_GROUP_IGNORED /dependencies/conflicts']);
    expect(ws.resources.get('postgres')).toEqual({
      name: 'postgres',
      dependencies: [],
      startupOrder: 1000,
      startupTimeoutSec: 60,
      priority: 'critical',
      extras: { recovery_attempts: 5 },
      file: 'resources/postgres/config/runtime.json',
    });
  });
});

describe('mini-vrooli graphs', () => {
  it('shop (all): one node per dependency, runtime edges followed, the missing scenario kept and reported', () => {
    const graph = buildGraph(ws, 'shop', { policy: 'all' });
    expect(graph.nodes.map((n) => `${n.id}${n.defined ? '' : ' (undefined)'}`)).toEqual([
      'resource:minio',
      'resource:pgbouncer',
      'resource:postgres',
      'resource:redis',
      'scenario:auth',
      'scenario:billing',
      'scenario:ghost (undefined)',
      'scenario:ledger',
      'scenario:shop',
    ]);
    expect(graph.edges).toContainEqual(expect.objectContaining({ from: 'resource:pgbouncer', to: 'resource:postgres', kind: 'resource-resource' }));
    expect(graph.diagnostics.map((d) => d.code)).toEqual(['SCENARIO_MISSING']);
  });

  it('shop (active): disabled optional edges drop out', () => {
    const graph = buildGraph(ws, 'shop', { policy: 'active' });
    expect(graph.edges.filter((e) => e.to === 'resource:redis').map((e) => e.from)).toEqual(['scenario:billing']);
    expect(graph.edges.some((e) => e.from === 'resource:pgbouncer' && e.to === 'resource:redis')).toBe(false);
  });

  it('billing <-> ledger is a cycle', () => {
    expect(findCycles(buildGraph(ws, 'shop'))).toEqual([['scenario:billing', 'scenario:ledger', 'scenario:billing']]);
  });
});

describe('mini-vrooli deployment report', () => {
  it('normalizes tier keys, reports duplicates, unknown tiers, bad entries and phantom nodes', () => {
    const found = findDeploymentReport(ws, 'shop');
    expect(found).toBeDefined();
    const report = found?.report;
    expect(report?.file).toBe('scenarios/shop/.vrooli/deployment/deployment-report.json');
    expect(report?.dependencies[0]?.tierSupport).toEqual({
      desktop: { supported: true, fitnessScore: 0.6, alternatives: [] },
      saas: { supported: true, fitnessScore: 0.95, alternatives: [] },
      server: { supported: true, fitnessScore: 0.95, alternatives: [] },
    });
    expect(Object.keys(report?.aggregates ?? {})).toEqual(['desktop', 'saas']);
    expect(report?.aggregates.saas?.estimatedRequirements).toEqual({ ramMb: 512, diskMb: 100, cpuCores: 1 });
    expect(report?.dependencies.map((n) => `${n.name}${n.phantom ? ' (phantom)' : ''}`)).toEqual(['postgres', 'required (phantom)', 'billing']);
    expect(report?.dependencies[2]?.children.map((c) => c.name)).toEqual(['postgres']);
    expect(found?.diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual([
      'REPORT_TIER_DUPLICATE /dependencies/0/tier_support/desktop',
      'REPORT_TIER_UNKNOWN /dependencies/0/tier_support/moon',
      'REPORT_PHANTOM_NODE /dependencies/1',
      'REPORT_FIELD_INVALID /dependencies/2/children/1/name',
      'REPORT_FIELD_INVALID /aggregates/server/fitness_score',
    ]);
  });

  it('is undefined for a scenario without a report, and refuses unknown scenarios', () => {
    expect(findDeploymentReport(ws, 'billing')).toBeUndefined();
    expect(() => findDeploymentReport(ws, '../../etc')).toThrowError(expect.objectContaining({ code: 'SCENARIO_NOT_FOUND' }));
  });
});

describe('loadWorkspace on other roots', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'dm-core-load-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const write = (rel: string, text: string): void => {
    mkdirSync(dirname(join(tmp, rel)), { recursive: true });
    writeFileSync(join(tmp, rel), text);
  };

  it('throws ROOT_NOT_FOUND for a missing path or a file that is not a workspace', () => {
    for (const root of [join(tmp, 'nope'), fileURLToPath(new URL('./fixtures/mini-vrooli/README.md', import.meta.url))]) {
      let caught: unknown;
      try {
        loadWorkspace(root);
      } catch (error) {
        caught = error;
      }
      expect(isSdkError(caught, 'ROOT_NOT_FOUND')).toBe(true);
      expect((caught as { hint?: string }).hint).toBeTruthy();
    }
  });

  it('reads a mix of layouts, and unreadable files never stop the others', () => {
    write('mix/scenarios/a/.vrooli/service.json', JSON.stringify({ dependencies: { resources: { x: { enabled: true, required: true } }, scenarios: { b: {} } } }));
    write('mix/scenarios/b/service.json', JSON.stringify({ dependencies: { resources: ['x'] } }));
    write('mix/scenarios/broken/service.json', '{ "dependencies": { "resources": { "x": ');
    write('mix/scenarios/empty/README.md', 'no manifest here');
    write('mix/resources/x/runtime.json', JSON.stringify({ dependencies: [] }));
    write('mix/resources/y/config/runtime.json', '[1, 2');
    const mixed = loadWorkspace(join(tmp, 'mix'));
    expect(mixed.layout).toBe('vrooli');
    expect([...mixed.scenarios.keys()]).toEqual(['a', 'b']);
    expect([...mixed.resources.keys()]).toEqual(['x']);
    expect(mixed.scenarios.get('a')?.dependencies.map((d) => `${d.kind}:${d.name}`)).toEqual(['resource:x', 'scenario:b']);
    expect(mixed.diagnostics.map((d) => `${d.code} ${d.file ?? ''}`)).toEqual([
      'LAYOUT_MIXED ',
      'PARSE_FAILED resources/y/config/runtime.json',
      'PARSE_FAILED scenarios/broken/service.json',
      'MANIFEST_MISSING scenarios/empty',
    ]);
  });

  it('never echoes file content in a parse diagnostic', () => {
    write('leak/scenarios/a/service.json', '{"token": hunter2-super-secret}');
    const leaky = loadWorkspace(join(tmp, 'leak'));
    expect(leaky.diagnostics).toHaveLength(1);
    expect(JSON.stringify(leaky.diagnostics)).not.toContain('hunter2');
  });

  it('warns about an empty root', () => {
    mkdirSync(join(tmp, 'empty'));
    expect(loadWorkspace(join(tmp, 'empty')).diagnostics.map((d) => d.code)).toEqual(['WORKSPACE_EMPTY']);
  });
});
