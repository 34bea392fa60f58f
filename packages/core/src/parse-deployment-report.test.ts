import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { deepJsonText, hostileDocument, hostileJson, prototypesClean } from '../test/arbitraries.ts';
import { isSdkError } from './errors.ts';
import { parseDeploymentReport } from './parse-deployment-report.ts';
import type { ReportDependencyNode } from './parse-deployment-report-types.ts';
import { TIERS } from './tiers.ts';

const TIER_IDS: readonly string[] = [...TIERS, 'server'];

const walk = (nodes: readonly ReportDependencyNode[]): ReportDependencyNode[] => nodes.flatMap((n) => [n, ...walk(n.children)]);

describe('parseDeploymentReport', () => {
  it('reads the tree, aggregates and bundle manifest, camelCased', () => {
    const { report, diagnostics } = parseDeploymentReport(
      {
        scenario: 'shop',
        report_version: 1,
        dependencies: [{ name: 'postgres', type: 'resource', requirements: { ram_mb: 0, network: '' }, tier_support: { 'tier-3-mobile': { supported: false, fitness_score: 0.2, alternatives: ['supabase'] } } }],
        aggregates: { 2: { fitness_score: 0.5, dependency_count: 1, blocking_dependencies: null } },
        bundle_manifest: { scenario: 'shop', files: [{ path: 'api', type: 'api-source', exists: true }], dependencies: [{ name: 'postgres', type: 'resource' }] },
      },
      'r.json',
    );
    expect(diagnostics).toEqual([]);
    expect(report.dependencies[0]).toEqual({
      name: 'postgres',
      type: 'resource',
      kind: 'resource',
      requirements: { ramMb: 0 },
      tierSupport: { mobile: { supported: false, fitnessScore: 0.2, alternatives: ['supabase'] } },
      alternatives: [],
      children: [],
      phantom: false,
      pointer: '/dependencies/0',
    });
    expect(report.aggregates).toEqual({ desktop: { fitnessScore: 0.5, dependencyCount: 1, blockingDependencies: [], estimatedRequirements: { ramMb: 0, diskMb: 0, cpuCores: 0 } } });
    expect(report.bundleManifest).toEqual({ scenario: 'shop', files: [{ path: 'api', type: 'api-source', exists: true }], dependencies: [{ name: 'postgres', type: 'resource', tierSupport: {}, alternatives: [] }] });
  });

  it('throws PARSE_FAILED when the value is not a report', () => {
    for (const value of [null, [], 'x', {}, { scenario: 3 }]) {
      expect(() => parseDeploymentReport(value, 'r.json')).toThrowError(expect.objectContaining({ code: 'PARSE_FAILED' }));
    }
    expect(() => parseDeploymentReport(JSON.parse(`{"scenario":"s","dependencies":${deepJsonText(50_000)}}`), 'r.json')).toThrowError(
      expect.objectContaining({ code: 'PARSE_FAILED' }),
    );
  });
});

describe('parseDeploymentReport properties', () => {
  test.prop([fc.oneof(hostileJson, fc.jsonValue())], { numRuns: 200 })('never throws anything but SdkError on arbitrary JSON', (json) => {
    try {
      parseDeploymentReport(json, 'r.json');
    } catch (error) {
      expect(isSdkError(error, 'PARSE_FAILED')).toBe(true);
    }
  });

  test.prop([fc.string({ minLength: 1, maxLength: 10 }), hostileDocument(['dependencies', 'aggregates', 'bundle_manifest', 'metadata_gaps', 'generated_at'])], { numRuns: 200 })(
    'any object with a scenario parses: tiers are canonical ids, phantoms exactly the group names, no pollution',
    (scenario, rest) => {
      const json = { ...(rest as object), scenario };
      const { report } = parseDeploymentReport(json, 'r.json');
      expect(report.scenario).toBe(scenario);
      for (const tier of Object.keys(report.aggregates)) expect(TIER_IDS).toContain(tier);
      for (const node of walk(report.dependencies)) {
        for (const tier of Object.keys(node.tierSupport)) expect(TIER_IDS).toContain(tier);
        expect(node.phantom).toBe(node.name === 'required' || node.name === 'optional');
      }
      expect(prototypesClean()).toBe(true);
    },
  );
});
