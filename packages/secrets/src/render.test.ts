import { describe, expect, it } from 'vitest';
import { planSecrets } from './plan.ts';
import { renderEnvTemplate } from './render-env.ts';
import { renderKubernetesSecrets } from './render-k8s.ts';
import { PICKER_WHEEL, graphOf, pickerWheelGraph, scenarioSpec } from '../test/fixtures.ts';

describe('renderEnvTemplate', () => {
  it('lists bundled env names with empty values and not-bundled secrets as comments', () => {
    const plan = planSecrets(graphOf('app', ['openai', 'qdrant', 'postgres']), { tier: 'desktop', scenario: scenarioSpec('app') });
    const text = renderEnvTemplate(plan);
    const assignments = text.split('\n').filter((l) => /^[A-Z_]+=/.test(l));
    expect(assignments).toEqual(['OPENAI_API_KEY=', 'QDRANT_API_KEY=']);
    expect(text).toContain('# --- user_prompt');
    expect(text).toContain('format ^sk-');
    expect(text).toContain('# "postgres.password" (infrastructure)');
    expect(text).not.toMatch(/^POSTGRES_PASSWORD=/m);
  });

  it('shows file targets and remote keys as comments', () => {
    const overrides = { secrets: [{ id: 'qdrant.api_key', targets: [{ type: 'file' as const, name: 'keys/qdrant' }] }] };
    const plan = planSecrets(graphOf('app', ['qdrant', 'openai']), { tier: 'saas', scenario: scenarioSpec('app'), overrides });
    const text = renderEnvTemplate(plan);
    expect(text).toContain('# file: "keys/qdrant"');
    expect(text).toContain('remote key app/openai.api_key');
  });
});

describe('renderKubernetesSecrets', () => {
  it('renders a Secret skeleton with empty values, an ExternalSecret and secretKeyRef wiring', () => {
    const plan = planSecrets(graphOf('app', ['openai', 'qdrant']), { tier: 'saas', scenario: scenarioSpec('app') });
    const out = renderKubernetesSecrets(plan, { appName: 'app', namespace: 'apps' });
    expect(out.secret).toMatchObject({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'app-secrets', namespace: 'apps' }, type: 'Opaque', stringData: { 'qdrant.api_key': '' } });
    expect(out.externalSecret).toMatchObject({
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: { name: 'app-remote-secrets' },
      spec: { secretStoreRef: { name: 'default', kind: 'ClusterSecretStore' }, target: { name: 'app-remote-secrets' }, data: [{ secretKey: 'openai.api_key', remoteRef: { key: 'app/openai.api_key' } }] },
    });
    expect(out.objects.map((o) => o.kind)).toEqual(['Secret', 'ExternalSecret']);
    expect(out.env['scenario:app']).toEqual([
      { name: 'OPENAI_API_KEY', valueFrom: { secretKeyRef: { name: 'app-remote-secrets', key: 'openai.api_key' } } },
      { name: 'QDRANT_API_KEY', valueFrom: { secretKeyRef: { name: 'app-secrets', key: 'qdrant.api_key' } } },
    ]);
    expect(out.env['resource:qdrant']).toHaveLength(1);
    expect(out.volumes).toEqual([]);
  });

  it('leaves infrastructure secrets out and marks optional refs', () => {
    const plan = planSecrets(graphOf('app', ['postgres', 'unstructured-io']), { tier: 'desktop', scenario: scenarioSpec('app') });
    const out = renderKubernetesSecrets(plan, { appName: 'app' });
    expect(JSON.stringify(out)).not.toContain('postgres.password');
    expect(out.env['scenario:app']?.[0]?.valueFrom.secretKeyRef).toEqual({ name: 'app-secrets', key: 'unstructured-io.api_key', optional: true });
    expect(out.externalSecret).toBeUndefined();
  });

  it('projects file targets through a volume', () => {
    const overrides = { secrets: [{ id: 'qdrant.api_key', targets: [{ type: 'file' as const, name: 'keys/qdrant.key' }] }] };
    const plan = planSecrets(pickerWheelGraph(), { tier: 'saas', scenario: PICKER_WHEEL, overrides });
    const out = renderKubernetesSecrets(plan, { appName: 'picker-wheel', secretStore: { name: 'vault', kind: 'SecretStore' } });
    expect(out.volumes).toEqual([
      { volume: { name: 'picker-wheel-secrets-files', secret: { secretName: 'picker-wheel-secrets', items: [{ key: 'qdrant.api_key', path: 'keys/qdrant.key' }] } }, mount: { name: 'picker-wheel-secrets-files', mountPath: '/var/run/secrets/picker-wheel', readOnly: true } },
    ]);
  });

  it.each(['App', 'a_b', '-x', 'x'.repeat(41)])('rejects app name %s', (appName) => {
    const plan = planSecrets(graphOf('app', []), { tier: 'saas' });
    expect(() => renderKubernetesSecrets(plan, { appName })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
