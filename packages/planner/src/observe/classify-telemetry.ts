/*
 * Telemetry JSONL in, findings out: each failure kind seen, per service,
 * with how often, when, the lines that show it and the fix - the rules are
 * data (telemetry-rules.ts). Pure; a damaged line is skipped.
 */
import type { ObservedFailure, ObservedFailureKind } from '@deployment-manager/fitness';
import type { Tier } from '@deployment-manager/core';
import { TELEMETRY_RULES, type TelemetryRule } from './telemetry-rules.ts';

/** One telemetry event, as the runtime writes it. */
interface TelemetryEvent {
  readonly ts: string;
  readonly type: string;
  readonly level: string;
  readonly service?: string;
  readonly reason?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** One kind of failure of one service, as the telemetry shows it. */
export interface TelemetryFinding {
  /** What kind of failure. */
  readonly kind: ObservedFailureKind;
  /** The service (manifest id), when the events name one. */
  readonly service?: string;
  /** Events that show it. */
  readonly count: number;
  /** Time of the first and the last of them. */
  readonly first: string;
  /** Time of the last. */
  readonly last: string;
  /** Up to three of those events as lines (`<ts> <type> <service>: <reason>`). */
  readonly evidence: readonly string[];
  /** What it means. */
  readonly summary: string;
  /** What to do. */
  readonly fix: string;
}

const isEvent = (v: unknown): v is TelemetryEvent =>
  typeof v === 'object' && v !== null && typeof (v as TelemetryEvent).ts === 'string' && typeof (v as TelemetryEvent).type === 'string' && typeof (v as TelemetryEvent).level === 'string';

/** The rule an event falls under, if any. */
function matchRule(event: TelemetryEvent, rules: readonly TelemetryRule[] = TELEMETRY_RULES): TelemetryRule | undefined {
  const code = event.details?.['code'];
  return rules.find((r) => {
    if (typeof code === 'string' && r.codes?.includes(code) === true) return true;
    if (!r.types.includes(event.type)) return false;
    if (r.level !== undefined && event.level !== r.level) return false;
    const reason = event.reason ?? '';
    if (r.reason !== undefined && !r.reason.test(reason)) return false;
    return r.unless === undefined || !r.unless.test(reason);
  });
}

/** The service a failed start names in its message (`service "api"`), when the event has none. */
const serviceOf = (e: TelemetryEvent): string | undefined => e.service ?? /service "([^"]+)"/.exec(e.reason ?? '')?.[1];

const line = (e: TelemetryEvent): string => `${e.ts} ${e.type}${e.service === undefined ? '' : ` ${e.service}`}: ${e.reason ?? ''}`.trimEnd();

/**
 * Classifies telemetry JSONL text: one finding per kind and service, in
 * order of first appearance. Lines that are not events are skipped.
 *
 * @example
 * ```ts
 * classifyTelemetry(readFileSync('app-data/logs/telemetry.jsonl', 'utf8'))[0]?.fix
 * ```
 */
export function classifyTelemetry(text: string, rules: readonly TelemetryRule[] = TELEMETRY_RULES): TelemetryFinding[] {
  const found = new Map<string, { rule: TelemetryRule; service: string | undefined; events: TelemetryEvent[] }>();
  for (const raw of text.split('\n')) {
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      continue;
    }
    if (!isEvent(value)) continue;
    const rule = matchRule(value, rules);
    if (rule === undefined) continue;
    const service = serviceOf(value);
    const key = `${rule.kind}\u0000${service ?? ''}`;
    const seen = found.get(key);
    if (seen === undefined) found.set(key, { rule, service, events: [value] });
    else seen.events.push(value);
  }
  return [...found.values()].map(({ rule, service, events }) => ({
    kind: rule.kind,
    ...(service === undefined ? {} : { service }),
    count: events.length,
    first: (events[0] as TelemetryEvent).ts,
    last: (events.at(-1) as TelemetryEvent).ts,
    evidence: events.slice(0, 3).map(line),
    summary: rule.summary,
    fix: rule.fix,
  }));
}

/**
 * Findings as fitness evidence for `tier`: each service's failure charged
 * to the dependency it stands for (`dependencyOf`, default the service id
 * itself; a finding with no service is charged to `fallback` when given).
 * Pure.
 */
export function findingsToEvidence(findings: readonly TelemetryFinding[], tier: Tier, options: { readonly dependencyOf?: (service: string) => string; readonly fallback?: string } = {}): ObservedFailure[] {
  return findings.flatMap((f) => {
    const dependency = f.service === undefined ? options.fallback : (options.dependencyOf?.(f.service) ?? f.service);
    return dependency === undefined ? [] : [{ dependency, tier, kind: f.kind, count: f.count, evidence: f.evidence }];
  });
}

/** The telemetry of the runtime's last run: the lines from its last `bundle_start` event on (all of them when there is none). Pure. */
export function lastRun(text: string): string {
  const lines = text.split('\n');
  const start = lines.findLastIndex((l) => l.includes('"type":"bundle_start"'));
  return start <= 0 ? text : lines.slice(start).join('\n');
}
