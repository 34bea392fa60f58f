import { z } from 'zod';
import { ENV_NAME_PATTERN } from './env-name.ts';
import type { CompactEdge, CompactResource, CompactScenario, CompactWorkspaceDocument } from './compact-types.ts';

// The compact workspace format, as zod schemas. The published JSON Schema
// (schemas/compact-workspace.schema.json) is generated from these and pinned
// by a snapshot test. Objects are strict so a typo is reported, not ignored.

const NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]*$';

const name = z.string().max(200).regex(new RegExp(NAME_PATTERN)).meta({ description: 'A name: letters, digits, `.`, `_`, `-`; starts with a letter or digit.' });
const envName = z.string().regex(new RegExp(ENV_NAME_PATTERN)).meta({ description: 'An environment variable name.' });
const nodeId = z
  .string()
  .regex(/^(scenario|resource):[A-Za-z0-9][A-Za-z0-9._-]*$/)
  .meta({ description: 'A node id: `scenario:<name>` or `resource:<name>`.' });
const freeObject = z.record(z.string(), z.unknown()).meta({ description: 'Free-form extras, kept verbatim.' });

const dependencyObject = z
  .strictObject({
    name,
    kind: z.enum(['resource', 'scenario']).optional().meta({ description: 'What the dependency is. Default `resource`.' }),
    required: z.boolean().optional().meta({ description: 'The edge must be satisfied. Default true.' }),
    enabled: z.boolean().optional().meta({ description: 'The dependent switches it on. Default true.' }),
    purpose: z.string().optional(),
    version: z.string().optional().meta({ description: 'Version or range.' }),
    attributes: freeObject.optional(),
  })
  .meta({ description: 'A dependency with its flags.' });

const compactDependencySchema = z
  .union([
    z
      .string()
      .regex(/^((scenario|resource):)?[A-Za-z0-9][A-Za-z0-9._-]*$/)
      .meta({ description: 'Shorthand: a required, enabled dependency. A bare name is a resource; prefix `scenario:` for a scenario.' }),
    dependencyObject,
  ])
  .meta({ id: 'Dependency', description: 'A dependency: shorthand string or object.' });

const port = z
  .strictObject({
    env: envName.optional().meta({ description: 'Environment variable that carries the port.' }),
    port: z.int().min(1).max(65535).optional().meta({ description: 'Fixed port.' }),
    range: z
      .string()
      .regex(/^\d{1,5}-\d{1,5}$/)
      .optional()
      .meta({ description: 'Allowed range `low-high`, within 1..65535.' }),
    description: z.string().optional(),
  })
  .meta({ id: 'Port', description: 'A port of the scenario\'s own services.' });

const healthCheck = z
  .strictObject({
    name: name,
    type: z.string().min(1).meta({ description: '`http`, `tcp`, `command`... as the runner understands it.' }),
    target: z.string().optional().meta({ description: 'HTTP URL/path, host:port or command.' }),
    critical: z.boolean().optional().meta({ description: 'A failure is critical. Default true.' }),
    timeoutMs: z.number().min(0).optional(),
  })
  .meta({ id: 'HealthCheck', description: 'A health check of the scenario\'s own services.' });

const secret = z
  .strictObject({
    name: z.string().min(1).meta({ description: 'Secret id / environment variable name. Never a value.' }),
    description: z.string().optional(),
    required: z.boolean().optional().meta({ description: 'The scenario cannot start without it. Default true.' }),
  })
  .meta({ id: 'Secret', description: 'A secret the scenario needs (its name only; values never go in this file).' });

const compactScenarioSchema = z
  .strictObject({
    displayName: z.string().optional(),
    description: z.string().optional(),
    version: z.string().optional(),
    ports: z.record(name, port).optional().meta({ description: 'Ports by name (`api`, `ui`...).' }),
    health: z.array(healthCheck).optional(),
    dependencies: z.array(compactDependencySchema).optional(),
    secrets: z.array(secret).optional(),
    env: z.array(envName).optional().meta({ description: 'Further environment variable names the scenario reads (names only).' }),
  })
  .meta({ id: 'Scenario', description: 'A scenario (application): its services\' ports and health checks, its dependencies and secrets.' });

const compactResourceSchema = z
  .strictObject({
    dependencies: z.array(compactDependencySchema).optional().meta({ description: 'Resources (or scenarios) this resource needs.' }),
    startupOrder: z.number().min(0).optional().meta({ description: 'Lower starts earlier.' }),
    startupTimeoutSec: z.number().min(0).optional(),
    priority: z.string().optional(),
    extras: freeObject.optional(),
  })
  .meta({ id: 'Resource', description: 'An infrastructure resource (postgres, redis...).' });

const compactEdgeSchema = z
  .strictObject({
    from: nodeId,
    to: nodeId,
    required: z.boolean().optional().meta({ description: 'Default true.' }),
    enabled: z.boolean().optional().meta({ description: 'Default true.' }),
    purpose: z.string().optional(),
    version: z.string().optional(),
    attributes: freeObject.optional(),
  })
  .meta({ id: 'Edge', description: 'An extra edge, for tools that emit edges rather than nested lists.' });

const compactWorkspaceSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Editor hint; ignored by the loader.' }),
    version: z.literal(1).meta({ description: 'Format version.' }),
    scenarios: z.record(name, compactScenarioSchema).optional(),
    resources: z.record(name, compactResourceSchema).optional(),
    edges: z.array(compactEdgeSchema).optional(),
  })
  .meta({
    title: 'deployment-manager compact workspace',
    description: 'Scenarios (applications), resources and edges of a workspace in one JSON or YAML file.',
  });

/**
 * The published JSON Schema (draft 2020-12) of the compact workspace format,
 * generated from the zod schemas the loader validates with. Committed at
 * `packages/core/schemas/compact-workspace.schema.json`.
 *
 * @example
 * ```ts
 * import { Ajv2020 } from 'ajv/dist/2020.js';
 * const validate = new Ajv2020().compile(compactWorkspaceJsonSchema);
 * validate({ version: 1, scenarios: { shop: { dependencies: ['postgres'] } } }); // true
 * ```
 */
export const compactWorkspaceJsonSchema: Readonly<Record<string, unknown>> = deepFreeze(
  z.toJSONSchema(compactWorkspaceSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>,
);

/** One validation problem: where (path segments inside the checked value) and what. */
export interface CompactIssue {
  /** Path segments inside the checked value. */
  readonly path: readonly (string | number)[];
  /** Lower-case description (never quotes a value). */
  readonly message: string;
}

/** The outcome of checking one part of a compact document. */
export type CompactCheck<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly CompactIssue[] };

/** True when `value` is a valid compact name (scenario, resource, port, check). */
export function isCompactName(value: string): boolean {
  return name.safeParse(value).success;
}

/** Validates one scenario entry. */
export function checkCompactScenario(value: unknown): CompactCheck<CompactScenario> {
  return check(compactScenarioSchema, value) as CompactCheck<CompactScenario>;
}

/** Validates one resource entry. */
export function checkCompactResource(value: unknown): CompactCheck<CompactResource> {
  return check(compactResourceSchema, value) as CompactCheck<CompactResource>;
}

/** Validates one edge. */
export function checkCompactEdge(value: unknown): CompactCheck<CompactEdge> {
  return check(compactEdgeSchema, value) as CompactCheck<CompactEdge>;
}

/** Validates a whole document at once (strict: one bad entry fails it). */
export function checkCompactWorkspace(value: unknown): CompactCheck<CompactWorkspaceDocument> {
  return check(compactWorkspaceSchema, value) as CompactCheck<CompactWorkspaceDocument>;
}

function check(schema: z.ZodType, value: unknown): CompactCheck<unknown> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((i) => ({
      path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
      message: i.message.charAt(0).toLowerCase() + i.message.slice(1),
    })),
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
