import type { CloudManifest, CloudService } from '@deployment-manager/bundle';
import { cpuMillicores, jsonPointer, memoryMiB } from '@deployment-manager/core';
import type { EnvironmentOverlay, ServiceOverride } from './environment.ts';
import { BUILTIN_ENVIRONMENTS } from './environments-data.ts';
import { planDiagnostic, type PlanDiagnostic } from './diagnostic-codes.ts';

const NAME = /^[a-z][a-z0-9-]{0,30}$/;

/**
 * The environment named `name`: a custom one when given (custom ones shadow
 * built-ins of the same name), else a built-in (`development`, `staging`,
 * `production`), else undefined.
 *
 * @example
 * ```ts
 * findEnvironment('production')?.apps?.replicas // 2
 * ```
 */
export function findEnvironment(name: string, custom: readonly EnvironmentOverlay[] = []): EnvironmentOverlay | undefined {
  return custom.find((e) => e.name === name) ?? (Object.hasOwn(BUILTIN_ENVIRONMENTS, name) ? BUILTIN_ENVIRONMENTS[name] : undefined);
}

function checkOverride(o: ServiceOverride, path: (string | number)[], out: PlanDiagnostic[]): void {
  const bad = (reason: string, fix: string, at: string): void => {
    out.push(planDiagnostic('ENVIRONMENT_INVALID', reason, { path: jsonPointer([...path, at]), hint: fix }));
  };
  if (o.replicas !== undefined && (!Number.isInteger(o.replicas) || o.replicas < 0)) bad(`replicas ${String(o.replicas)} is not a whole number >= 0`, 'set replicas to 0, 1, 2...', 'replicas');
  if (o.resources?.cpu !== undefined && cpuMillicores(o.resources.cpu) === undefined) bad(`cpu "${o.resources.cpu}" is not a cpu quantity`, 'write cpu as cores ("1", "0.5") or millicores ("500m")', 'resources');
  if (o.resources?.memory !== undefined && memoryMiB(o.resources.memory) === undefined) bad(`memory "${o.resources.memory}" is not a memory quantity`, 'write memory as "512Mi", "2Gi" or "1G"', 'resources');
  if (o.resources?.gpu !== undefined && (!Number.isInteger(o.resources.gpu) || o.resources.gpu < 0)) bad(`gpu ${String(o.resources.gpu)} is not a whole number >= 0`, 'set gpu to 0, 1...', 'resources');
}

/** The findings about an overlay itself (name, numbers, quantities, guardrails), independent of any manifest. */
export function checkEnvironment(overlay: EnvironmentOverlay): PlanDiagnostic[] {
  const out: PlanDiagnostic[] = [];
  if (!NAME.test(overlay.name)) {
    out.push(planDiagnostic('ENVIRONMENT_INVALID', `environment name "${overlay.name}" is not a lower-case name`, { path: '/name', hint: 'use lower-case letters, digits and dashes, starting with a letter (at most 31 characters)' }));
  }
  if (overlay.apps !== undefined) checkOverride(overlay.apps, ['apps'], out);
  for (const [id, o] of Object.entries(overlay.services ?? {})) checkOverride(o, ['services', id], out);
  const g = overlay.guardrails;
  for (const [key, value] of Object.entries({ maxMonthlyCost: g?.maxMonthlyCost, confirmAbove: g?.confirmAbove, ...(g?.quotas ?? {}) })) {
    if (value !== undefined && (!Number.isFinite(value) || value < 0)) {
      out.push(planDiagnostic('ENVIRONMENT_INVALID', `guardrail ${key} = ${String(value)} is not a number >= 0`, { path: jsonPointer(['guardrails', key]), hint: 'set guardrails to finite, non-negative numbers' }));
    }
  }
  return out;
}

function overrideService(service: CloudService, o: ServiceOverride | undefined): CloudService {
  if (o === undefined) return service;
  const resources = o.resources === undefined ? service.resources : { ...service.resources, ...o.resources };
  const env = o.env === undefined ? service.env : { ...service.env, ...o.env };
  return {
    ...service,
    ...(o.replicas === undefined ? {} : { replicas: o.replicas }),
    ...(resources === undefined ? {} : { resources }),
    ...(env === undefined ? {} : { env }),
  };
}

/** What {@link applyEnvironment} produced. */
export interface EnvironmentResult {
  /** The manifest with the overlay applied. */
  readonly manifest: CloudManifest;
  /** Problems with the overlay (unknown service ids, malformed values). */
  readonly findings: readonly PlanDiagnostic[];
}

/**
 * Applies an environment overlay to a cloud manifest: `apps` overrides go to
 * every app service, `services` overrides to the named service (after
 * `apps`), resources and env merge key by key, and the ingress host and TLS
 * are set when the manifest has an ingress. Pure; the input is not mutated.
 *
 * @example
 * ```ts
 * const { manifest } = applyEnvironment(base, findEnvironment('production')!);
 * manifest.services.find((s) => s.id === 'api')?.replicas // 2
 * ```
 */
export function applyEnvironment(manifest: CloudManifest, overlay: EnvironmentOverlay): EnvironmentResult {
  const findings = checkEnvironment(overlay);
  const ids = new Set(manifest.services.map((s) => s.id));
  for (const id of Object.keys(overlay.services ?? {})) {
    if (!ids.has(id)) {
      findings.push(planDiagnostic('ENVIRONMENT_SERVICE_UNKNOWN', `environment "${overlay.name}" overrides service "${id}", which the manifest does not have`, { path: jsonPointer(['services', id]), hint: `use one of ${[...ids].join(', ')}` }));
    }
  }
  const services = manifest.services.map((s) => {
    const forApps = s.kind === 'app' ? overrideService(s, overlay.apps) : s;
    return overrideService(forApps, Object.hasOwn(overlay.services ?? {}, s.id) ? overlay.services?.[s.id] : undefined);
  });
  const ingress =
    manifest.ingress === undefined || overlay.ingress === undefined
      ? manifest.ingress
      : {
          ...manifest.ingress,
          ...(overlay.ingress.host === undefined ? {} : { host: overlay.ingress.host }),
          ...(overlay.ingress.tls === undefined ? {} : { tls: overlay.ingress.tls }),
        };
  return { manifest: { ...manifest, services, ...(ingress === undefined ? {} : { ingress }) }, findings };
}
