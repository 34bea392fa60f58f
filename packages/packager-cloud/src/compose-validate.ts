import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import type { Diagnostic } from '@deployment-manager/core';
import { jsonPointer, schemaIssues } from '@deployment-manager/core';
import { cloudDiagnostic } from './diagnostic-codes.ts';
import validateBundledCompose from './generated/compose-spec.validate.js';

/** Path of the Compose Specification JSON Schema shipped in this package (Apache-2.0, see `schemas/NOTICE`). */
export function composeSchemaPath(): string {
  return fileURLToPath(new URL('../schemas/compose-spec.json', import.meta.url));
}

let bundled: Readonly<Record<string, unknown>> | undefined;

/**
 * The Compose Specification JSON Schema shipped in this package (read from
 * `schemas/` on first call). Validation does not need it: the same schema is
 * compiled in ahead of time.
 */
export function bundledComposeSchema(): Readonly<Record<string, unknown>> {
  bundled ??= JSON.parse(readFileSync(composeSchemaPath(), 'utf8')) as Record<string, unknown>;
  return bundled;
}

const compiled = new WeakMap<object, ValidateFunction>();

/** The validator of a schema: the precompiled one for the bundled schema, else compiled once per schema object. */
function validator(schema: Readonly<Record<string, unknown>> | 'bundled'): typeof validateBundledCompose {
  if (schema === 'bundled') return validateBundledCompose;
  let v = compiled.get(schema);
  if (v === undefined) {
    // A caller's own copy of the schema. It uses keywords and patterns ajv's strict mode rejects; it names no formats.
    v = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    compiled.set(schema, v);
  }
  return v;
}

const FILE = 'compose/compose.yaml';

/**
 * Validates a Compose file against the Compose Specification JSON Schema -
 * the one shipped in this package (`'bundled'`, precompiled) or a caller's
 * own - (`CLOUD_COMPOSE_SCHEMA`, one per violation), or says it was skipped
 * (`CLOUD_COMPOSE_SCHEMA_SKIPPED`, info) when `schema` is `false`.
 *
 * @example
 * ```ts
 * validateComposeSchema({ services: { web: { image: 'nginx' } } }, 'bundled'); // []
 * ```
 */
export function validateComposeSchema(compose: unknown, schema: Readonly<Record<string, unknown>> | false | 'bundled' = 'bundled'): Diagnostic[] {
  if (schema === false) {
    return [cloudDiagnostic('CLOUD_COMPOSE_SCHEMA_SKIPPED', 'compose.yaml was not validated against the Compose Specification schema', { file: FILE, hint: 'pass composeSchema (or leave it unset to use the bundled copy)' })];
  }
  const validate = validator(schema);
  if (validate(compose)) return [];
  return schemaIssues(validate.errors, {
    diagnostic: cloudDiagnostic,
    code: 'CLOUD_COMPOSE_SCHEMA',
    subject: 'compose.yaml',
    file: FILE,
    hint: 'this is a packager bug or an invalid manifest value; see the Compose Specification',
    umbrella: ['oneOf', 'anyOf'],
  });
}

const asRecord = (x: unknown): Readonly<Record<string, unknown>> => (typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : {});

/**
 * What the schema cannot say about a Compose file: every `depends_on`
 * target is a service, `service_healthy` only waits for a service that has
 * a healthcheck (and it is not disabled), and every named volume and secret
 * a service uses is declared at the top level.
 *
 * @example
 * ```ts
 * checkComposeSemantics({ services: { a: { image: 'x', depends_on: { b: { condition: 'service_started' } } } } });
 * // [{ code: 'CLOUD_COMPOSE_DEPENDS_ON_UNKNOWN', path: '/services/a/depends_on/b', ... }]
 * ```
 */
export function checkComposeSemantics(compose: unknown): Diagnostic[] {
  const root = asRecord(compose);
  const services = asRecord(root['services']);
  const volumes = asRecord(root['volumes']);
  const secrets = asRecord(root['secrets']);
  const out: Diagnostic[] = [];
  for (const [id, raw] of Object.entries(services)) {
    const svc = asRecord(raw);
    const deps = svc['depends_on'];
    const entries: [string, string][] = Array.isArray(deps) ? deps.map((d) => [String(d), 'service_started']) : Object.entries(asRecord(deps)).map(([d, v]) => [d, String(asRecord(v)['condition'] ?? 'service_started')]);
    for (const [dep, condition] of entries) {
      const at = jsonPointer(['services', id, 'depends_on', dep]);
      const target = services[dep];
      if (target === undefined) {
        out.push(cloudDiagnostic('CLOUD_COMPOSE_DEPENDS_ON_UNKNOWN', `service "${id}" depends on "${dep}", which is not a service`, { path: at, file: FILE, hint: `services: ${Object.keys(services).join(', ')}` }));
        continue;
      }
      const hc = asRecord(asRecord(target)['healthcheck']);
      if (condition === 'service_healthy' && (hc['test'] === undefined || hc['disable'] === true)) {
        out.push(cloudDiagnostic('CLOUD_COMPOSE_HEALTHY_WITHOUT_HEALTHCHECK', `service "${id}" waits for "${dep}" to be healthy, but "${dep}" has no healthcheck`, { path: at, file: FILE, hint: 'give it a healthcheck or wait for service_started' }));
      }
    }
    for (const [i, v] of (Array.isArray(svc['volumes']) ? svc['volumes'] : []).entries()) {
      const source = typeof v === 'object' && v !== null ? asRecord(v)['source'] : undefined;
      const type = typeof v === 'object' && v !== null ? asRecord(v)['type'] : undefined;
      if (type === 'volume' && typeof source === 'string' && !(source in volumes)) {
        out.push(cloudDiagnostic('CLOUD_COMPOSE_REFERENCE_UNKNOWN', `service "${id}" mounts volume "${source}", which is not declared under volumes`, { path: jsonPointer(['services', id, 'volumes', i]), file: FILE, hint: 'declare it at the top level' }));
      }
    }
    for (const [i, s] of (Array.isArray(svc['secrets']) ? svc['secrets'] : []).entries()) {
      const source = typeof s === 'string' ? s : asRecord(s)['source'];
      if (typeof source === 'string' && !(source in secrets)) {
        out.push(cloudDiagnostic('CLOUD_COMPOSE_REFERENCE_UNKNOWN', `service "${id}" uses secret "${source}", which is not declared under secrets`, { path: jsonPointer(['services', id, 'secrets', i]), file: FILE, hint: 'declare it at the top level' }));
      }
    }
  }
  return out;
}
