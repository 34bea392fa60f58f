import { stringify as stringifyYaml } from 'yaml';
import type { CompactDependency, CompactHealthCheck, CompactPort, CompactResource, CompactScenario, CompactSecret, CompactWorkspaceDocument } from './compact-types.ts';
import { compareIds } from './graph.ts';
import type { DeclaredDependency, ResourceSpec, ScenarioSpec, Workspace } from './model.ts';

/**
 * Converts any loaded {@link Workspace} (Vrooli, flat or compact) into a
 * compact workspace document: scenarios and resources sorted by name,
 * dependencies inline in their declared order, each in its shortest form
 * (`postgres`, `scenario:auth`, or an object when a flag is false or there
 * are extras). `parseCompactWorkspace` of its serialization gives back the
 * same scenarios, resources and edges.
 *
 * @example
 * ```ts
 * const doc = toCompactWorkspace(loadWorkspace('path/to/Vrooli'));
 * doc.scenarios?.['calendar']?.dependencies; // ['postgres', 'qdrant', 'scenario:scenario-authenticator', ...]
 * ```
 */
export function toCompactWorkspace(workspace: Workspace): CompactWorkspaceDocument {
  const scenarios = [...workspace.scenarios.values()].sort((a, b) => compareIds(a.name, b.name));
  const resources = [...workspace.resources.values()].sort((a, b) => compareIds(a.name, b.name));
  return {
    version: 1,
    ...(scenarios.length === 0 ? {} : { scenarios: Object.fromEntries(scenarios.map((s) => [s.name, compactScenario(s)])) }),
    ...(resources.length === 0 ? {} : { resources: Object.fromEntries(resources.map((r) => [r.name, compactResource(r)])) }),
  };
}

/**
 * Serializes a workspace as a compact document, YAML (default) or JSON
 * (two-space indent, trailing newline). Deterministic: equal workspaces give
 * byte-identical text.
 *
 * @example
 * ```ts
 * writeFileSync('workspace.yaml', stringifyCompactWorkspace(loadWorkspace('path/to/Vrooli')));
 * ```
 */
export function stringifyCompactWorkspace(workspace: Workspace, format: 'json' | 'yaml' = 'yaml'): string {
  const doc = toCompactWorkspace(workspace);
  return format === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : stringifyYaml(doc, { lineWidth: 0 });
}

function compactScenario(s: ScenarioSpec): CompactScenario {
  const ports = s.ports.map((p): [string, CompactPort] => [
    p.name,
    {
      ...(p.env === undefined ? {} : { env: p.env }),
      ...(p.port === undefined ? {} : { port: p.port }),
      ...(p.range === undefined ? {} : { range: `${p.range[0]}-${p.range[1]}` }),
      ...(p.description === undefined ? {} : { description: p.description }),
    },
  ]);
  const health = s.health.map(
    (h): CompactHealthCheck => ({
      name: h.name,
      type: h.type,
      ...(h.target === undefined ? {} : { target: h.target }),
      ...(h.critical ? {} : { critical: false }),
      ...(h.timeoutMs === undefined ? {} : { timeoutMs: h.timeoutMs }),
    }),
  );
  const secrets = s.secrets.map(
    (x): CompactSecret => ({
      name: x.name,
      ...(x.description === undefined ? {} : { description: x.description }),
      ...(x.required ? {} : { required: false }),
    }),
  );
  return {
    ...(s.displayName === undefined ? {} : { displayName: s.displayName }),
    ...(s.description === undefined ? {} : { description: s.description }),
    ...(s.version === undefined ? {} : { version: s.version }),
    ...(ports.length === 0 ? {} : { ports: Object.fromEntries(ports) }),
    ...(health.length === 0 ? {} : { health }),
    ...(s.dependencies.length === 0 ? {} : { dependencies: s.dependencies.map(compactDependency) }),
    ...(secrets.length === 0 ? {} : { secrets }),
    ...(s.envNames.length === 0 ? {} : { env: [...s.envNames] }),
  };
}

function compactResource(r: ResourceSpec): CompactResource {
  return {
    ...(r.dependencies.length === 0 ? {} : { dependencies: r.dependencies.map(compactDependency) }),
    ...(r.startupOrder === undefined ? {} : { startupOrder: r.startupOrder }),
    ...(r.startupTimeoutSec === undefined ? {} : { startupTimeoutSec: r.startupTimeoutSec }),
    ...(r.priority === undefined ? {} : { priority: r.priority }),
    ...(Object.keys(r.extras).length === 0 ? {} : { extras: r.extras }),
  };
}

function compactDependency(d: DeclaredDependency): CompactDependency {
  const hasAttributes = Object.keys(d.attributes).length > 0;
  if (d.required && d.enabled && d.purpose === undefined && d.version === undefined && !hasAttributes) {
    return d.kind === 'scenario' ? `scenario:${d.name}` : d.name;
  }
  return {
    name: d.name,
    ...(d.kind === 'scenario' ? { kind: 'scenario' as const } : {}),
    ...(d.required ? {} : { required: false }),
    ...(d.enabled ? {} : { enabled: false }),
    ...(d.purpose === undefined ? {} : { purpose: d.purpose }),
    ...(d.version === undefined ? {} : { version: d.version }),
    ...(hasAttributes ? { attributes: d.attributes } : {}),
  };
}
