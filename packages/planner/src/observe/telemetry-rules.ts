/*
 * How a deployment's telemetry (the bundle runtime's JSONL events) is read
 * back, as data: which events make each kind of failure, and what to do
 * about it. The first rule an event matches classifies it.
 */
import type { ObservedFailureKind } from '@deployment-manager/fitness';

/** What an event must be for a rule to take it. */
export interface TelemetryRule {
  /** The failure it reports. */
  readonly kind: ObservedFailureKind;
  /** Event types it reads (`gave_up`, `port_skipped`...). */
  readonly types: readonly string[];
  /** Only events of this level. */
  readonly level?: 'warn' | 'error';
  /** Only events whose reason matches. */
  readonly reason?: RegExp;
  /** Only events whose reason does not match. */
  readonly unless?: RegExp;
  /** Or: a failed start whose error code is one of these (`bundle_failed` events carry `details.code`). */
  readonly codes?: readonly string[];
  /** One line: what it means. */
  readonly summary: string;
  /** One line: what to do. */
  readonly fix: string;
}

/** Every rule, most specific first. */
export const TELEMETRY_RULES: readonly TelemetryRule[] = [
  {
    kind: 'port-conflict',
    types: ['port_skipped', 'port_reallocated'],
    codes: ['PORT_UNAVAILABLE'],
    summary: 'a port the bundle wanted was taken by another process',
    fix: 'find the holder with `ss -ltnp`, stop it or widen ports.default_range in the manifest; the runtime then picks a free port',
  },
  {
    kind: 'missing-secret',
    types: ['secret'],
    level: 'warn',
    codes: ['SECRET_MISSING'],
    summary: 'a secret had no value (or a malformed one) when the bundle started',
    fix: 'provide it: run the bundle once in a terminal to be asked, or put it in the app data secrets file; `deployment-manager secrets <scenario> --tier <tier>` lists what each needs',
  },
  {
    kind: 'migration-failure',
    types: ['migration'],
    level: 'error',
    codes: ['MIGRATION_FAILED'],
    summary: 'a data migration failed, so the service did not start on the new release',
    fix: 'read the migration error, fix the migration and deploy again; the previous release keeps serving (deploy rolls back)',
  },
  {
    kind: 'asset-missing',
    types: [],
    codes: ['ASSET_INVALID'],
    summary: 'a file the bundle lists is missing or corrupt',
    fix: 'rebuild the bundle (`deployment-manager deploy` builds it from the build plan) and check that the build writes every binary and asset the manifest names',
  },
  {
    kind: 'gpu-missing',
    types: ['gpu'],
    level: 'warn',
    codes: ['GPU_UNAVAILABLE'],
    summary: 'a service wanted a gpu the machine does not have',
    fix: 'deploy on a machine with a gpu and its driver, or swap the dependency for a hosted one (`deployment-manager swaps suggest <scenario> --tier <tier>`)',
  },
  {
    kind: 'health-timeout',
    types: ['health_failure', 'restart', 'gave_up', 'bundle_failed'],
    reason: /not ready within|timed? ?out/i,
    summary: 'a service did not answer its health check in time',
    fix: "raise the service's readiness timeout in the manifest or give the host more cpu and memory; check that the health path answers",
  },
  {
    kind: 'crash-loop',
    types: ['gave_up'],
    unless: /not started: dependency/,
    summary: 'a service kept exiting and the supervisor gave up restarting it',
    fix: "read the service's log in <app data>/logs, fix the crash (a missing dependency, a bad configuration) and deploy again",
  },
];
