import { exportCanonical, type CloudManifest } from '@deployment-manager/bundle';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { stageOf } from '../src/diagnostic-codes.ts';
import { applyManifestDiff } from '../src/manifest-diff.ts';
import { planDeployment, type DeploymentInput } from '../src/plan.ts';
import { fitnessFindings } from '../src/preflight.ts';
import { PLAN_STAGES } from '../src/stages.ts';
import { TARGET_IDS } from '../src/targets-data.ts';
import { exampleCloudApp } from '@deployment-manager/testkit';

const example = exampleCloudApp();
const input = (over: Partial<DeploymentInput> = {}): DeploymentInput => ({
  scenario: 'recipe-hub',
  version: 'v3.2',
  tier: 'saas',
  environment: 'production',
  target: 'do',
  manifest: example.manifest,
  graph: example.swapped,
  secretPlan: example.secretPlan,
  providedSecrets: ['OPENAI_API_KEY'],
  ...over,
});
const codes = (p: ReturnType<typeof planDeployment>): string[] => p.findings.filter((f) => f.severity === 'error').map((f) => f.code);

describe('planDeployment: the example app to production', () => {
  it.each(TARGET_IDS)('lists every stage in order and succeeds on %s when the operator secret is there', (target) => {
    const plan = planDeployment(input({ target }));
    expect(plan.stages.map((s) => s.id)).toEqual([...PLAN_STAGES]);
    expect(codes(plan)).toEqual([]);
    expect(plan.outcome.status).toBe('success');
    expect(plan.stages.every((s) => s.status === 'ready' && s.actions.length > 0)).toBe(true);
    expect(plan.smoke.map((c) => c.name)).toContain('api.health');
    if (target === 'do' || target === 'aws') expect(plan.cost?.monthlyUsd).toBeGreaterThan(0);
    else expect(plan.cost).toBeUndefined();
  });

  it.each(TARGET_IDS)('fails pre-flight on %s with stage env_setup and a fix naming the secret when the user secret is missing', (target) => {
    const plan = planDeployment(input({ target, providedSecrets: [] }));
    expect(plan.outcome).toMatchObject({ status: 'error', stage: 'env_setup', reason: 'Missing ENV: OPENAI_API_KEY' });
    if (plan.outcome.status === 'error') expect(plan.outcome.fix_suggestion).toContain('OPENAI_API_KEY');
    expect(plan.stages.map((s) => [s.id, s.status])).toEqual(PLAN_STAGES.map((id) => [id, 'blocked']));
  });

  it('accepts the secret by id as well as by env name, and never needs generated ones', () => {
    expect(planDeployment(input({ providedSecrets: ['openai.api_key'] })).outcome.status).toBe('success');
    const generated = planDeployment(input()).findings.find((f) => f.code === 'SECRET_GENERATED_ON_DEPLOY');
    expect(generated?.severity).toBe('info');
    expect(generated?.message).toContain('postgres.password');
  });

  test.prop([fc.subarray(['OPENAI_API_KEY', 'POSTGRES_PASSWORD', 'N8N_API_KEY', 'UNRELATED'])], { numRuns: 30 })(
    'reports a missing secret exactly when a required operator secret is not provided',
    (provided) => {
      const missing = planDeployment(input({ target: 'vps', providedSecrets: provided })).findings.filter((f) => f.code === 'SECRET_MISSING').map((f) => f.message);
      expect(missing).toEqual(provided.includes('OPENAI_API_KEY') ? [] : ['Missing ENV: OPENAI_API_KEY']);
    },
  );

  it('is pure: equal input gives an equal plan and the input is not touched', () => {
    const i = input({ target: 'aws' });
    const before = JSON.stringify(i.manifest);
    expect(planDeployment(i)).toEqual(planDeployment(structuredClone(i)));
    expect(JSON.stringify(i.manifest)).toBe(before);
  });
});

describe('guardrails', () => {
  it('blocks above the confirmation threshold unless confirmCost, and above the hard limit always', () => {
    const low = { confirmAbove: 1 };
    expect(codes(planDeployment(input({ guardrails: low })))).toEqual(['COST_NEEDS_CONFIRMATION']);
    expect(planDeployment(input({ guardrails: low })).outcome).toMatchObject({ status: 'error', stage: 'cost' });
    expect(codes(planDeployment(input({ guardrails: low, confirmCost: true })))).toEqual([]);
    expect(codes(planDeployment(input({ guardrails: { maxMonthlyCost: 1 }, confirmCost: true })))).toEqual(['COST_OVER_LIMIT']);
  });

  it('prices a GPU workload with the GPU size and stops it at the production threshold', () => {
    const gpu = (id: string): CloudManifest => ({ ...example.manifest, services: example.manifest.services.map((s) => (s.id === id ? { ...s, resources: { gpu: 1 } } : s)) });
    const plan = planDeployment(input({ manifest: gpu('qdrant') }));
    expect(plan.cost?.size.id).toBe('gpu-h100x1-80gb');
    expect(codes(plan)).toEqual(['COST_OVER_LIMIT']);
    // Two api replicas need two GPUs on one host: no size in the table has them.
    expect(codes(planDeployment(input({ manifest: gpu('api') })))).toEqual(['TARGET_NO_SIZE']);
  });

  it('enforces quotas on every target, priced or not', () => {
    expect(codes(planDeployment(input({ target: 'k8s', guardrails: { quotas: { maxReplicas: 1 } } })))).toEqual(['QUOTA_EXCEEDED']);
    expect(codes(planDeployment(input({ target: 'vps', guardrails: { quotas: { maxMemoryMiB: 100 } } })))).toEqual(['QUOTA_EXCEEDED']);
  });
});

describe('rollout and rollback', () => {
  it('blocks strategies a target cannot do and notes emulated ones', () => {
    expect(planDeployment(input({ target: 'vps', rollout: { strategy: 'blue-green' } })).outcome).toMatchObject({ status: 'error', stage: 'rollout' });
    const k8s = planDeployment(input({ target: 'k8s', rollout: { strategy: 'canary', canaryPercent: 10 } }));
    expect(k8s.outcome.status).toBe('success');
    expect(k8s.rollout).toMatchObject({ strategy: 'canary', support: 'emulated' });
    expect(planDeployment(input({ target: 'k8s', rollout: { strategy: 'rolling' } })).rollout?.support).toBe('native');
    expect(codes(planDeployment(input({ target: 'k8s', rollout: { strategy: 'rolling', maxSurge: 0, maxUnavailable: 0 } })))).toEqual(['ROLLOUT_INVALID']);
  });

  it('plans a rollback to the previous export by checksum, with a diff that restores it', () => {
    const previous: CloudManifest = { ...example.manifest, app: { ...example.manifest.app, version: '3.1.0' }, services: example.manifest.services.map((s) => (s.id === 'postgres' ? { ...s, image: 'postgres:15-alpine' } : s)) };
    const plan = planDeployment(input({ target: 'k8s', previous: { manifest: previous, sha256: exportCanonical(previous).sha256 } }));
    expect(plan.rollback).toMatchObject({ available: true, toVersion: '3.1.0', toSha256: exportCanonical(previous).sha256, fromSha256: plan.manifestSha256 });
    expect(plan.rollback?.steps[0]).toContain('helm rollback recipe-hub');
    expect(applyManifestDiff(example.manifest, plan.rollback?.diff ?? [])).toEqual(previous);
    expect(plan.findings.filter((f) => f.code === 'ROLLBACK_DATA_RISK').map((f) => f.severity)).toEqual(['warning']);
    const tampered = planDeployment(input({ previous: { manifest: previous, sha256: '0'.repeat(64) } }));
    expect(tampered.outcome).toMatchObject({ status: 'error', stage: 'rollback' });
  });
});

describe('pre-flight aggregation', () => {
  it('reports manifest, environment and target problems together, never crashing on bad input', () => {
    const plan = planDeployment(input({ manifest: { target: 'cloud' }, environment: 'qa', target: 'gcp' }));
    expect(new Set(codes(plan))).toEqual(new Set(['ENVIRONMENT_UNKNOWN', 'TARGET_UNKNOWN', 'MANIFEST_INVALID']));
    expect(plan.stages).toHaveLength(6);
    expect(plan.artifacts).toEqual([]);
  });

  it('refuses a manifest of another version, scenario or tier', () => {
    expect(codes(planDeployment(input({ version: '4.0' })))).toEqual(['MANIFEST_INVALID']);
    expect(codes(planDeployment(input({ tier: 'enterprise' })))).toEqual(['TARGET_TIER_MISMATCH']);
  });

  it('uses custom environments over built-ins and reports overrides of unknown services', () => {
    const qa = { name: 'qa', apps: { replicas: 3 }, services: { nope: { replicas: 1 } } };
    const plan = planDeployment(input({ environment: 'qa', environments: [qa], target: 'k8s' }));
    expect(codes(plan)).toEqual(['ENVIRONMENT_SERVICE_UNKNOWN']);
  });

  it('turns fitness blockers into readiness errors naming the dependency', () => {
    const report = { root: 'scenario:x', unknown: ['resource:mystery'], dependencies: [], tiers: { saas: { score: 10, subscores: { portability: 0, resources: 0, licensing: 0, platform_support: 0 }, blockers: ['resource:gpu-farm'], warnings: [], reasons: [{ dependency: 'resource:gpu-farm', fact: 'gpu', subscore: 'resources', delta: -100, blocker: true, message: 'needs a gpu' }], needs: { ramMb: 0, diskMb: 0, gpu: 'required', daemons: 0, internet: [] }, coverage: 1 } } };
    const found = fitnessFindings({ fitness: report as never }, 'saas');
    expect(found.map((f) => [stageOf(f), f.code, f.severity])).toEqual([['readiness', 'FITNESS_BLOCKER', 'error'], ['readiness', 'FITNESS_UNKNOWN', 'warning']]);
    expect(found[0]?.message).toContain('needs a gpu');
  });
});
