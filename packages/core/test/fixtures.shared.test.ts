import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildGraph, findDeploymentReport, loadDeploymentReport, loadWorkspace, type DeclaredDependency } from '../src/index.ts';

// Real predecessor data beside the project: /work/shared/fixtures/vrooli (flat layout).
const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/vrooli/', import.meta.url));
const ws = loadWorkspace(FIXTURES);

// Written by hand from reading each scenarios/<name>/service.json (not produced
// by the loader): the direct dependencies, `kind:name`, a trailing `?` when the
// edge is not required. Sorted.
const EXPECTED: Record<string, string[]> = {
  'accessibility-compliance-hub': ['resource:browserless', 'resource:n8n', 'resource:ollama', 'resource:postgres', 'resource:qdrant?', 'resource:redis?'],
  'agent-manager': ['resource:claude-code?', 'resource:codex?', 'resource:opencode?', 'resource:postgres', 'scenario:workspace-sandbox'],
  'ai-chatbot-manager': ['resource:ollama', 'resource:postgres'],
  'ai-model-orchestra-controller': ['resource:ollama', 'resource:postgres', 'resource:redis'],
  'algorithm-library': ['resource:judge0', 'resource:n8n', 'resource:ollama?', 'resource:postgres', 'resource:redis?'],
  'app-monitor': ['resource:browserless?', 'resource:ollama?', 'resource:postgres', 'resource:qdrant', 'resource:redis', 'scenario:app-issue-tracker', 'scenario:scenario-auditor'],
  'audio-tools': ['resource:claude-code?', 'resource:minio?', 'resource:node-red?', 'resource:ollama?', 'resource:postgres', 'resource:qdrant?', 'resource:redis'],
  calendar: ['resource:notification-hub?', 'resource:ollama', 'resource:postgres', 'resource:qdrant', 'scenario:scenario-authenticator?'],
  'chart-generator': ['resource:minio?', 'resource:postgres', 'resource:redis?'],
  'code-smell': ['resource:claude-code', 'resource:postgres', 'resource:redis?', 'resource:visited-tracker?'],
  'core-debugger': ['resource:claude-code'],
  'deployment-manager': ['resource:claude-code?', 'resource:postgres', 'resource:redis?', 'scenario:app-issue-tracker', 'scenario:scenario-dependency-analyzer', 'scenario:secrets-manager'],
  'ecosystem-manager': ['resource:claude-code', 'resource:minio', 'resource:ollama', 'resource:openrouter', 'resource:postgres', 'resource:qdrant', 'resource:redis?', 'scenario:agent-manager', 'scenario:scenario-completeness-scoring?'],
  'financial-calculators-hub': ['resource:ollama?', 'resource:postgres?', 'resource:redis?'],
  'game-dialog-generator': ['resource:ollama', 'resource:postgres', 'resource:qdrant', 'resource:whisper?'],
  'image-generation-pipeline': ['resource:comfyui', 'resource:minio', 'resource:n8n', 'resource:ollama', 'resource:postgres', 'resource:qdrant?', 'resource:vault?', 'resource:whisper'],
  'image-tools': ['resource:minio', 'resource:ollama?', 'resource:redis?'],
  'invoice-generator': ['resource:browserless?', 'resource:ollama?', 'resource:postgres', 'resource:qdrant'],
  'job-to-scenario-pipeline': ['resource:browserless', 'resource:huginn', 'resource:ollama', 'resource:postgres', 'resource:qdrant?', 'resource:redis?'],
  'maintenance-orchestrator': ['resource:n8n?', 'resource:postgres?', 'resource:redis?'],
  'mind-maps': ['resource:ollama', 'resource:postgres', 'resource:qdrant', 'resource:redis?'],
  'morning-vision-walk': ['resource:n8n', 'resource:ollama', 'resource:postgres', 'resource:qdrant', 'resource:redis?'],
  'nutrition-tracker': ['resource:n8n', 'resource:ollama', 'resource:postgres', 'resource:qdrant', 'resource:redis'],
  'personal-digital-twin': ['resource:minio', 'resource:n8n', 'resource:ollama', 'resource:postgres', 'resource:qdrant'],
  'picker-wheel': ['resource:n8n', 'resource:ollama?', 'resource:postgres', 'resource:qdrant'],
  'prompt-injection-arena': ['resource:n8n', 'resource:ollama', 'resource:postgres', 'resource:qdrant?'],
  'quiz-generator': ['resource:minio?', 'resource:ollama', 'resource:postgres', 'resource:qdrant?', 'resource:redis?'],
  'scenario-auditor': ['resource:claude-code', 'resource:ollama', 'resource:opencode', 'resource:postgres', 'resource:qdrant', 'scenario:app-issue-tracker'],
  'scenario-dependency-analyzer': ['resource:claude-code', 'resource:ollama', 'resource:postgres', 'resource:qdrant', 'resource:redis?'],
  'scenario-to-desktop': ['resource:browserless?', 'resource:postgres?', 'resource:redis?'],
  'secrets-manager': ['resource:claude-code?', 'resource:postgres', 'resource:vault'],
  'secure-document-processing': ['resource:minio', 'resource:n8n', 'resource:ollama', 'resource:postgres', 'resource:qdrant?', 'resource:unstructured-io', 'resource:vault', 'resource:windmill?'],
  'seo-optimizer': ['resource:browserless', 'resource:ollama', 'resource:postgres', 'resource:qdrant?', 'resource:redis'],
  'simple-test': ['resource:postgres', 'resource:qdrant'],
  'symbol-search': ['resource:postgres'],
  'tech-tree-designer': ['resource:ollama?', 'resource:openrouter?', 'resource:postgres'],
  'test-genie': ['resource:postgres'],
  'token-economy': ['resource:minio?', 'resource:ollama?', 'resource:postgres', 'resource:qdrant?', 'resource:redis', 'scenario:scenario-authenticator'],
  'typing-test': ['resource:ollama?', 'resource:postgres', 'resource:qdrant'],
  'vrooli-orchestrator': ['resource:browserless?', 'resource:ollama', 'resource:postgres', 'resource:qdrant'],
};

const directEdges = (scenario: string): string[] =>
  buildGraph(ws, scenario, { policy: 'all' })
    .edges.filter((e) => e.from === `scenario:${scenario}`)
    .map((e) => `${e.to}${e.required ? '' : '?'}`)
    .sort();

const dep = (scenario: string, name: string): DeclaredDependency | undefined => ws.scenarios.get(scenario)?.dependencies.find((d) => d.name === name);

describe('real Vrooli fixtures (flat layout)', () => {
  it('loads all 40 scenarios and all 44 resources without errors', () => {
    const dirs = readdirSync(`${FIXTURES}scenarios`);
    expect(dirs).toHaveLength(40);
    expect([...ws.scenarios.keys()]).toEqual([...dirs].sort());
    expect(ws.resources.size).toBe(44);
    expect(ws.layout).toBe('flat');
    expect(ws.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('has a hand-written expectation for every scenario', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ws.scenarios.keys()]);
  });

  for (const [scenario, expected] of Object.entries(EXPECTED)) {
    it(`${scenario}: direct edges equal what its service.json declares`, () => {
      expect(directEdges(scenario)).toEqual(expected);
    });
  }

  it('calendar: groups are never nodes, duplicates merge, the authenticator is a scenario', () => {
    const graph = buildGraph(ws, 'calendar', { policy: 'all' });
    const names = graph.nodes.map((n) => n.name);
    expect(names).not.toContain('required');
    expect(names).not.toContain('optional');
    expect(graph.nodes.map((n) => n.id)).toEqual(
      expect.arrayContaining(['resource:postgres', 'resource:qdrant', 'resource:ollama', 'scenario:scenario-authenticator']),
    );
    // ollama is optional in the group but required as a plain entry: required wins.
    expect(dep('calendar', 'ollama')).toMatchObject({ kind: 'resource', required: true, enabled: true });
    const codes = ws.diagnostics.filter((d) => d.file === 'scenarios/calendar/service.json').map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['DEPENDENCY_GROUPS_MIXED', 'DEPENDENCY_MERGED', 'DEPENDENCY_KIND_INFERRED']));
    expect(codes.filter((c) => c === 'DEPENDENCY_MERGED')).toHaveLength(3);
  });

  it('code-smell: the resource-claude-code alias resolves to claude-code', () => {
    expect(dep('code-smell', 'claude-code')).toMatchObject({ kind: 'resource', required: true });
    expect(ws.diagnostics).toContainEqual(expect.objectContaining({ code: 'DEPENDENCY_ALIAS', file: 'scenarios/code-smell/service.json', path: '/dependencies/resources/required/1' }));
  });

  it('scenario-to-desktop: details attach to the listed optional resources', () => {
    expect(dep('scenario-to-desktop', 'redis')).toMatchObject({ required: false, enabled: true, attributes: { fallback: 'Local filesystem caching' } });
  });

  it('app-monitor: the diamond to app-issue-tracker is a single node with two edges', () => {
    const graph = buildGraph(ws, 'app-monitor', { policy: 'all' });
    expect(graph.nodes.filter((n) => n.id === 'scenario:app-issue-tracker')).toEqual([
      { id: 'scenario:app-issue-tracker', kind: 'scenario', name: 'app-issue-tracker', defined: false },
    ]);
    const into = graph.edges.filter((e) => e.to === 'scenario:app-issue-tracker').map((e) => e.from);
    expect(into).toEqual(['scenario:app-monitor', 'scenario:scenario-auditor']);
    expect(graph.diagnostics.map((d) => d.code)).toContain('SCENARIO_MISSING');
  });

  it('token-economy: postgres and redis are required but not enabled (kept in active graphs)', () => {
    for (const name of ['postgres', 'redis']) expect(dep('token-economy', name)).toMatchObject({ required: true, enabled: false });
    const active = buildGraph(ws, 'token-economy', { policy: 'active' }).edges.filter((e) => e.from === 'scenario:token-economy').map((e) => e.to);
    expect(active).toEqual(['resource:postgres', 'resource:redis', 'scenario:scenario-authenticator']);
    expect(ws.diagnostics.filter((d) => d.code === 'DEPENDENCY_DISABLED_BUT_REQUIRED').map((d) => d.path)).toEqual([
      '/dependencies/resources/postgres',
      '/dependencies/resources/redis',
    ]);
  });

  it('reads ports, health checks and env names', () => {
    const app = ws.scenarios.get('app-monitor');
    expect(app?.ports).toContainEqual({ name: 'ui', env: 'UI_PORT', port: 21774, description: 'Web UI dashboard port (production)' });
    expect(app?.ports).toContainEqual({ name: 'api', env: 'API_PORT', range: [21600, 21699], description: 'App monitoring coordination API port' });
    expect(app?.health[0]).toEqual({ name: 'api_endpoint', type: 'http', target: 'http://localhost:${API_PORT}/health', critical: true, timeoutMs: 5000 });
    expect(ws.scenarios.get('image-tools')?.envNames).toEqual(expect.arrayContaining(['API_PORT', 'MINIO_ACCESS_KEY', 'MINIO_SECRET_KEY', 'UI_PORT']));
    expect(ws.scenarios.get('calendar')).toMatchObject({ displayName: 'Calendar System', version: '1.0.0' });
  });
});

describe('real runtime.json files', () => {
  it('reads resource -> resource edges in every shape', () => {
    const deps = (name: string): string[] => (ws.resources.get(name)?.dependencies ?? []).map((d) => `${d.name}${d.required ? '' : '?'}${d.enabled ? '' : '-'}`);
    expect(deps('keycloak')).toEqual(['postgres']);
    expect(deps('nextcloud')).toEqual(['postgres', 'redis']);
    expect(deps('claude-code')).toEqual(['litellm']);
    expect(deps('matrix-synapse')).toEqual(['postgres', 'redis?-', 'vault?-']);
    expect(deps('zigbee2mqtt')).toEqual(['mosquitto?-', 'home-assistant?-', 'node-red?-']);
    expect(deps('postgres')).toEqual([]);
  });

  it('reads startup facts, also from a lifecycle block, and keeps extras', () => {
    expect(ws.resources.get('postgres')).toMatchObject({ startupOrder: 1000, startupTimeoutSec: 60, priority: 'critical', extras: { recovery_attempts: 5 } });
    expect(ws.resources.get('zigbee2mqtt')).toMatchObject({ startupOrder: 600, startupTimeoutSec: 60, priority: 'medium' });
    expect(ws.diagnostics.filter((d) => d.file === 'resources/zigbee2mqtt/runtime.json').map((d) => d.code)).toEqual([
      'DEPENDENCY_GROUP_IGNORED',
      'DEPENDENCY_GROUP_IGNORED',
    ]);
  });

  it('graphs include runtime edges: ecosystem-manager reaches litellm through claude-code', () => {
    const graph = buildGraph(ws, 'ecosystem-manager', { policy: 'all' });
    expect(graph.edges).toContainEqual(expect.objectContaining({ from: 'resource:claude-code', to: 'resource:litellm', kind: 'resource-resource' }));
  });
});

describe('real deployment reports', () => {
  const withReports = [...ws.scenarios.keys()].filter((name) => findDeploymentReport(ws, name) !== undefined);

  it('finds and loads all 36 without shape problems', () => {
    expect(withReports).toHaveLength(36);
    for (const name of withReports) {
      const found = findDeploymentReport(ws, name);
      expect(found?.report.scenario).toBe(name);
      expect(found?.diagnostics.filter((d) => d.code !== 'REPORT_PHANTOM_NODE')).toEqual([]);
    }
  });

  it('diagnoses the phantom required/optional nodes of calendar', () => {
    const found = findDeploymentReport(ws, 'calendar');
    expect(found?.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['REPORT_PHANTOM_NODE', '/dependencies/1'],
      ['REPORT_PHANTOM_NODE', '/dependencies/4'],
    ]);
    expect(found?.report.dependencies.filter((n) => n.phantom).map((n) => n.name)).toEqual(['optional', 'required']);
    expect(found?.report.aggregates).toEqual({});
  });

  it('types aggregates per normalized tier, server kept apart', () => {
    const { report } = loadDeploymentReport(`${FIXTURES}scenarios/token-economy/deployment-report.json`);
    expect(Object.keys(report.aggregates).sort()).toEqual(['desktop', 'enterprise', 'local', 'mobile', 'saas', 'server']);
    expect(report.aggregates.desktop).toEqual({
      fitnessScore: 0.7875,
      dependencyCount: 8,
      blockingDependencies: ['ollama', 'postgres'],
      estimatedRequirements: { ramMb: 0, diskMb: 0, cpuCores: 0 },
    });
    const minio = report.dependencies.find((n) => n.name === 'minio');
    expect(minio?.tierSupport.mobile).toEqual({ supported: false, fitnessScore: 0.2, reason: 'Database should be remote for mobile deployments', alternatives: ['saas-minio', 'cloud-minio'] });
  });

  it('keeps the predecessor tree: app-monitor repeats app-issue-tracker under scenario-auditor', () => {
    const report = findDeploymentReport(ws, 'app-monitor')?.report;
    const auditor = report?.dependencies.find((n) => n.name === 'scenario-auditor');
    expect(auditor?.children.map((c) => c.name)).toContain('app-issue-tracker');
    expect(report?.dependencies.map((n) => n.name)).toContain('app-issue-tracker');
  });
});
