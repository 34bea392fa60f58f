import { fc } from '@fast-check/vitest';
import type { CompactDependency, CompactEdge, CompactHealthCheck, CompactPort, CompactResource, CompactScenario, CompactSecret, CompactWorkspaceDocument } from '../src/index.ts';

// Valid compact workspace documents, passed through JSON once so that what the
// generator holds is exactly what a file can hold (no -0, no undefined keys).

const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/);
const envName = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,6}$/);
const text = fc.string({ maxLength: 12 });
const plainKey = fc.stringMatching(/^[a-z]{1,5}$/);
const extras = fc.dictionary(plainKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3, noNullPrototype: true });

const dependency: fc.Arbitrary<CompactDependency> = fc.oneof(
  name,
  name.map((n) => `scenario:${n}`),
  name.map((n) => `resource:${n}`),
  fc.record(
    {
      name,
      kind: fc.constantFrom('resource' as const, 'scenario' as const),
      required: fc.boolean(),
      enabled: fc.boolean(),
      purpose: text,
      version: text,
      attributes: extras,
    },
    { requiredKeys: ['name'], noNullPrototype: true },
  ),
);

const port: fc.Arbitrary<CompactPort> = fc.record(
  {
    env: envName,
    port: fc.integer({ min: 1, max: 65535 }),
    range: fc.tuple(fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 1, max: 65535 })).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
    description: text,
  },
  { requiredKeys: [], noNullPrototype: true },
);

const health: fc.Arbitrary<CompactHealthCheck> = fc.record(
  { name, type: fc.constantFrom('http', 'tcp', 'command'), target: fc.constantFrom('/health', 'http://localhost:${API_PORT}/health', 'pg_isready'), critical: fc.boolean(), timeoutMs: fc.nat(60_000) },
  { requiredKeys: ['name', 'type'], noNullPrototype: true },
);

const secret: fc.Arbitrary<CompactSecret> = fc.record({ name: envName, description: text, required: fc.boolean() }, { requiredKeys: ['name'], noNullPrototype: true });

const scenario: fc.Arbitrary<CompactScenario> = fc.record(
  {
    displayName: text,
    description: text,
    version: text,
    ports: fc.dictionary(name, port, { maxKeys: 3, noNullPrototype: true }),
    health: fc.array(health, { maxLength: 2 }),
    dependencies: fc.array(dependency, { maxLength: 5 }),
    secrets: fc.array(secret, { maxLength: 2 }),
    env: fc.array(envName, { maxLength: 3 }),
  },
  { requiredKeys: [], noNullPrototype: true },
);

const resource: fc.Arbitrary<CompactResource> = fc.record(
  { dependencies: fc.array(dependency, { maxLength: 3 }), startupOrder: fc.nat(2000), startupTimeoutSec: fc.nat(600), priority: fc.constantFrom('low', 'high', 'critical'), extras },
  { requiredKeys: [], noNullPrototype: true },
);

const nodeId = fc.tuple(fc.constantFrom('scenario', 'resource'), name).map(([k, n]) => `${k}:${n}`);
const edge: fc.Arbitrary<CompactEdge> = fc.record(
  { from: nodeId, to: nodeId, required: fc.boolean(), enabled: fc.boolean(), purpose: text },
  { requiredKeys: ['from', 'to'], noNullPrototype: true },
);

/** A valid compact workspace document (it may still hold edges from undeclared nodes or self-dependencies). */
export const compactDocument: fc.Arbitrary<CompactWorkspaceDocument> = fc
  .record(
    {
      version: fc.constant(1 as const),
      scenarios: fc.dictionary(name, scenario, { maxKeys: 4, noNullPrototype: true }),
      resources: fc.dictionary(name, resource, { maxKeys: 4, noNullPrototype: true }),
      edges: fc.array(edge, { maxLength: 3 }),
    },
    { requiredKeys: ['version'], noNullPrototype: true },
  )
  .map((doc) => JSON.parse(JSON.stringify(doc)) as CompactWorkspaceDocument);
