import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { OBSERVED_FAILURE_KINDS } from '@deployment-manager/fitness';
import { describe, expect, it } from 'vitest';
import { classifyTelemetry, findingsToEvidence } from './classify-telemetry.ts';
import { TELEMETRY_RULES } from './telemetry-rules.ts';

// Events in the runtime's own formats (start-bundle.ts, service-runner.ts), one or more per failure kind, and a torn last line.
const text = readFileSync(new URL('../../test/fixtures/telemetry-failures.jsonl', import.meta.url), 'utf8');

describe('classifyTelemetry', () => {
  const findings = classifyTelemetry(text);
  const of = (kind: string, service?: string) => findings.filter((f) => f.kind === kind && f.service === service);

  it('finds every kind of failure, per service, each with a fix', () => {
    expect(new Set(findings.map((f) => f.kind))).toEqual(new Set(OBSERVED_FAILURE_KINDS));
    expect(of('port-conflict', 'api')).toHaveLength(1);
    expect(of('gpu-missing', 'ollama')).toHaveLength(1);
    expect(of('asset-missing', 'ollama')[0]?.evidence[0]).toContain('binary of service "ollama" is missing');
    expect(of('migration-failure', 'api')).toHaveLength(1);
    expect(of('health-timeout', 'search')).toHaveLength(1);
    expect(findings.filter((f) => f.kind === 'missing-secret').map((f) => f.count)).toEqual([2]);
    for (const f of findings) expect(f.fix).toBe(TELEMETRY_RULES.find((r) => r.kind === f.kind)?.fix);
  });

  it('calls a service that exited until the supervisor gave up a crash loop, not the services it took down', () => {
    expect(of('crash-loop', 'worker')).toMatchObject([{ count: 1, first: '2026-12-07T10:00:03.000Z' }]);
    expect(of('crash-loop', 'ui')).toEqual([]);
  });

  it('turns findings into fitness evidence for a tier, through a service-to-dependency map', () => {
    const evidence = findingsToEvidence(findings, 'desktop', { dependencyOf: (s) => (s === 'ollama' ? 'resource:ollama' : `resource:${s}`), fallback: 'scenario:recipe-hub' });
    expect(evidence.find((e) => e.kind === 'gpu-missing')).toMatchObject({ dependency: 'resource:ollama', tier: 'desktop', count: 1 });
    expect(evidence.find((e) => e.kind === 'missing-secret')?.dependency).toBe('scenario:recipe-hub');
  });

  test.prop([fc.array(fc.string(), { maxLength: 20 })])('never throws on arbitrary lines, and finds nothing in lines that are not events', (lines) => {
    expect(classifyTelemetry(lines.map((l) => JSON.stringify({ text: l })).join('\n'))).toEqual([]);
    classifyTelemetry(lines.join('\n'));
  });
});
