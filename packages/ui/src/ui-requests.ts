// The bodies the page posts to the server, checked before anything runs:
// every field is untrusted input and becomes a typed value or an SdkError.
import { SdkError, parseTier, type Tier } from '@deployment-manager/core';
import type { SwapSpec } from '@deployment-manager/fitness';

/** Package targets and the tier each assembles for. */
export const PACKAGE_TARGET_TIERS: Readonly<Record<PackageTarget, Tier>> = { desktop: 'desktop', cloud: 'saas', mobile: 'mobile' };

/** A packager the page can run. */
export type PackageTarget = 'desktop' | 'cloud' | 'mobile';

/** What every assembling request names: the scenario, the tier and the swaps. */
export interface AssemblyRequest {
  /** Scenario name. */
  readonly scenario: string;
  /** Tier assembled for. */
  readonly tier: Tier;
  /** Swaps chosen in the page. */
  readonly swaps: readonly SwapSpec[];
}

/** `POST api/plan`: a deployment plan for a target and environment. */
export interface PlanRequest extends AssemblyRequest {
  /** Planner target id (`do`, `aws`, `vps`, `compose`, `k8s`). */
  readonly target: string;
  /** Environment name (`production` by default). */
  readonly environment: string;
}

/** `POST api/package`: run one packager. */
export interface PackageRequest extends AssemblyRequest {
  /** desktop, cloud or mobile. */
  readonly target: PackageTarget;
}

const bad = (message: string, hint: string): SdkError => new SdkError('INVALID_ARGUMENT', message, { hint });

function field(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  if (typeof v !== 'string' || v.length === 0 || v.length > 200) throw bad(`field "${name}" must be a non-empty string`, `send ${name} as a string of at most 200 characters`);
  return v;
}

function swapsOf(value: unknown): SwapSpec[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > 500) throw bad('field "swaps" must be a list of {from, to}', 'send swaps as [{ "from": "postgres", "to": "sqlite" }]');
  return value.map((s: unknown) => {
    const o = s !== null && typeof s === 'object' ? (s as Record<string, unknown>) : {};
    return { from: field(o, 'from'), to: field(o, 'to') };
  });
}

function objectOf(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw bad('the request body must be a JSON object', 'send a JSON object');
  return body as Record<string, unknown>;
}

/** Parses an assembly request body. */
export function parseAssemblyRequest(body: unknown): AssemblyRequest {
  const o = objectOf(body);
  return { scenario: field(o, 'scenario'), tier: parseTier(field(o, 'tier')), swaps: swapsOf(o['swaps']) };
}

/** Parses a `POST api/plan` body. */
export function parsePlanRequest(body: unknown): PlanRequest {
  const o = objectOf(body);
  return { ...parseAssemblyRequest(o), target: field(o, 'target'), environment: o['environment'] === undefined ? 'production' : field(o, 'environment') };
}

/** Parses a `POST api/package` body. */
export function parsePackageRequest(body: unknown): PackageRequest {
  const o = objectOf(body);
  const target = field(o, 'target');
  if (target !== 'desktop' && target !== 'cloud' && target !== 'mobile') throw bad(`package target "${target}" is not known`, 'use desktop, cloud or mobile');
  return { ...parseAssemblyRequest(o), target };
}
