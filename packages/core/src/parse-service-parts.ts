import { jsonPointer, type Diagnostic } from './diagnostics.ts';
import { finiteNumber, isJsonObject, jsonTypeName, nonEmptyString, ownEntries, ownField, type JsonObject } from './json-values.ts';
import type { DeclaredClassification, DeclaredSecret, HealthCheckSpec, PortSpec } from './model.ts';
import { normalizeTier } from './tiers.ts';
import { loaderDiagnostic } from './parse-diagnostics.ts';

/** True for an integer TCP/UDP port number. */
function isPortNumber(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 65535;
}

/**
 * Parses a port range written `"15000-19999"` (or `[15000, 19999]`) into
 * `[low, high]`, or undefined when it is not a sane range.
 *
 * @example
 * ```ts
 * parsePortRange('15000-19999') // [15000, 19999]
 * parsePortRange('9-1')         // undefined
 * ```
 */
export function parsePortRange(value: unknown): readonly [number, number] | undefined {
  let low: number | undefined;
  let high: number | undefined;
  if (typeof value === 'string') {
    const m = /^\s*(\d{1,5})\s*-\s*(\d{1,5})\s*$/.exec(value);
    if (m === null) return undefined;
    low = Number(m[1]);
    high = Number(m[2]);
  } else if (Array.isArray(value) && value.length === 2) {
    low = finiteNumber(value[0]);
    high = finiteNumber(value[1]);
  }
  if (low === undefined || high === undefined || !isPortNumber(low) || !isPortNumber(high) || low > high) return undefined;
  return [low, high];
}

/** Parses service.json `ports` (name -> {env_var, port, range, description}) in file order. */
export function parsePorts(value: unknown, file: string, diagnostics: Diagnostic[]): PortSpec[] {
  if (value === undefined || value === null) return [];
  if (!isJsonObject(value)) {
    diagnostics.push(loaderDiagnostic('PORT_INVALID', `\`ports\` is a ${jsonTypeName(value)}; expected a map of name -> port`, { path: '/ports', file }));
    return [];
  }
  const out: PortSpec[] = [];
  for (const [name, spec] of ownEntries(value)) {
    const pointer = jsonPointer(['ports', name]);
    if (!isJsonObject(spec)) {
      diagnostics.push(loaderDiagnostic('PORT_INVALID', `port "${name}" is a ${jsonTypeName(spec)}; expected an object`, { path: pointer, file }));
      continue;
    }
    const env = nonEmptyString(ownField(spec, 'env_var'));
    const port = readPort(ownField(spec, 'port'), name, `${pointer}/port`, file, diagnostics);
    const rawRange = ownField(spec, 'range');
    const range = rawRange === undefined ? undefined : parsePortRange(rawRange);
    if (rawRange !== undefined && range === undefined) {
      diagnostics.push(loaderDiagnostic('PORT_INVALID', `port "${name}" has a range that is not "low-high" within 1..65535`, { path: `${pointer}/range`, file }));
    }
    const description = typeof ownField(spec, 'description') === 'string' ? (ownField(spec, 'description') as string) : undefined;
    out.push({
      name,
      ...(env === undefined ? {} : { env }),
      ...(port === undefined ? {} : { port }),
      ...(range === undefined ? {} : { range }),
      ...(description === undefined ? {} : { description }),
    });
  }
  return out;
}

function readPort(value: unknown, name: string, pointer: string, file: string, diagnostics: Diagnostic[]): number | undefined {
  if (value === undefined) return undefined;
  const n = typeof value === 'string' && /^\d{1,5}$/.test(value.trim()) ? Number(value.trim()) : value;
  if (typeof n === 'number' && isPortNumber(n)) return n;
  diagnostics.push(loaderDiagnostic('PORT_INVALID', `port "${name}" is not an integer 1..65535`, { path: pointer, file }));
  return undefined;
}

/** Parses `lifecycle.health.checks` (timeouts in milliseconds; `critical` defaults to true). */
export function parseHealthChecks(lifecycle: unknown, file: string, diagnostics: Diagnostic[]): HealthCheckSpec[] {
  const health = isJsonObject(lifecycle) ? ownField(lifecycle, 'health') : undefined;
  if (!isJsonObject(health)) return [];
  const checks = ownField(health, 'checks');
  if (checks === undefined) return [];
  if (!Array.isArray(checks)) {
    diagnostics.push(loaderDiagnostic('HEALTH_CHECK_INVALID', `\`checks\` is a ${jsonTypeName(checks)}; expected a list`, { path: '/lifecycle/health/checks', file }));
    return [];
  }
  const defaultTimeout = finiteNumber(ownField(health, 'timeout'));
  const out: HealthCheckSpec[] = [];
  checks.forEach((check, index) => {
    const pointer = jsonPointer(['lifecycle', 'health', 'checks', index]);
    const name = isJsonObject(check) ? nonEmptyString(ownField(check, 'name')) : undefined;
    const type = isJsonObject(check) ? nonEmptyString(ownField(check, 'type')) : undefined;
    if (!isJsonObject(check) || name === undefined || type === undefined) {
      diagnostics.push(loaderDiagnostic('HEALTH_CHECK_INVALID', `health check ${index} has no string name and type`, { path: pointer, file }));
      return;
    }
    const target = typeof ownField(check, 'target') === 'string' ? (ownField(check, 'target') as string) : undefined;
    const critical = ownField(check, 'critical');
    const timeout = finiteNumber(ownField(check, 'timeout')) ?? defaultTimeout;
    const timeoutMs = timeout !== undefined && timeout >= 0 ? timeout : undefined;
    out.push({
      name,
      type,
      ...(target === undefined ? {} : { target }),
      critical: typeof critical === 'boolean' ? critical : true,
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
    });
  });
  return out;
}

/**
 * Parses secrets a scenario declares itself: `deployment.tiers.<tier>.secrets[]`
 * (`secret_id`, `classification`, `notes`) as the service schema defines them. A
 * secret named in several tiers is listed once, at its first declaration, with
 * the classification each tier declares.
 */
export function parseDeclaredSecrets(deployment: unknown, file: string, diagnostics: Diagnostic[]): DeclaredSecret[] {
  const tiers = isJsonObject(deployment) ? ownField(deployment, 'tiers') : undefined;
  if (!isJsonObject(tiers)) return [];
  const out = new Map<string, DeclaredSecret>();
  for (const [tier, spec] of ownEntries(tiers)) {
    const secrets = isJsonObject(spec) ? ownField(spec, 'secrets') : undefined;
    if (!Array.isArray(secrets)) continue;
    secrets.forEach((secret, index) => {
      const pointer = jsonPointer(['deployment', 'tiers', tier, 'secrets', index]);
      const name = isJsonObject(secret) ? nonEmptyString(ownField(secret, 'secret_id')) : undefined;
      if (name === undefined) {
        diagnostics.push(loaderDiagnostic('SECRET_INVALID', `declared secret ${index} of tier "${tier}" has no string secret_id`, { path: pointer, file }));
        return;
      }
      const declared = ownField(secret as JsonObject, 'classification');
      const canonical = normalizeTier(tier);
      let classification: DeclaredClassification | undefined;
      if (declared !== undefined) {
        if (declared === 'infrastructure' || declared === 'service' || declared === 'user') classification = declared;
        else diagnostics.push(loaderDiagnostic('SECRET_INVALID', `declared secret "${name}" of tier "${tier}" has classification ${JSON.stringify(declared)}, not infrastructure, service or user`, { path: `${pointer}/classification`, file }));
      }
      const perTier = classification !== undefined && canonical !== undefined && canonical !== 'server' ? { [canonical]: classification } : {};
      const prior = out.get(name);
      if (prior !== undefined) {
        // One secret, declared again for another tier: keep the first declaration, add this tier's classification.
        if (Object.keys(perTier).length > 0) out.set(name, { ...prior, classification: { ...perTier, ...prior.classification } });
        return;
      }
      const notes = nonEmptyString(ownField(secret as JsonObject, 'notes'));
      out.set(name, { name, ...(notes === undefined ? {} : { description: notes }), required: true, ...(Object.keys(perTier).length === 0 ? {} : { classification: perTier }), source: { file, path: pointer } });
    });
  }
  return [...out.values()];
}
