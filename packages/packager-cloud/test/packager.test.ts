import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSdkError } from '@deployment-manager/core';
import { packagerContractSuite } from '@deployment-manager/testkit';
import type { CloudManifest } from '@deployment-manager/bundle';
import { CLOUD_DIAGNOSTIC_CODES, checkCloudBundle, createCloudPackager, planCloud } from '../src/index.ts';
import { edited, packContext, sampleManifest } from './sample.ts';

const valid = sampleManifest();
const invalid = edited(valid, (m) => {
  m.services = [];
});

packagerContractSuite('cloud', { create: () => createCloudPackager(), validBundle: valid, invalidBundle: invalid });

const errorCodes = (m: CloudManifest, options = {}): string[] => checkCloudBundle(m, options).filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.path}`);

describe('cloud packager output', () => {
  it('writes the documented files and pins each one with a golden snapshot', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'dm-cloud-'));
    try {
      const result = await createCloudPackager().pack(valid, packContext(outDir));
      expect(result.artifacts.map((a) => a.path)).toEqual([
        'README.md',
        'compose/compose.yaml',
        'compose/create-secrets.sh',
        'helm/notes/Chart.yaml',
        'helm/notes/templates/api.yaml',
        'helm/notes/templates/cache.yaml',
        'helm/notes/templates/embedder.yaml',
        'helm/notes/templates/external-secret.yaml',
        'helm/notes/templates/ingress.yaml',
        'helm/notes/templates/postgres.yaml',
        'helm/notes/templates/secret.yaml',
        'helm/notes/templates/web.yaml',
        'helm/notes/values.schema.json',
        'helm/notes/values.yaml',
        'kubernetes/api.yaml',
        'kubernetes/cache.yaml',
        'kubernetes/create-secrets.sh',
        'kubernetes/embedder.yaml',
        'kubernetes/external-secret.yaml',
        'kubernetes/ingress.yaml',
        'kubernetes/postgres.yaml',
        'kubernetes/web.yaml',
      ]);
      for (const a of result.artifacts) await expect(readFileSync(join(outDir, a.path), 'utf8')).toMatchFileSnapshot(`./__snapshots__/sample/${a.path}`);
      await expect(`${JSON.stringify(result.notes, null, 2)}\n`).toMatchFileSnapshot('./__snapshots__/sample/notes.json');
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });

  it('checks the sample clean, with the bundled compose schema', () => {
    expect(checkCloudBundle(valid)).toEqual([]);
    expect(checkCloudBundle(valid, { composeSchema: false }).map((d) => [d.code, d.severity])).toEqual([['CLOUD_COMPOSE_SCHEMA_SKIPPED', 'info']]);
  });

  it('reports lost and emulated semantics as data', () => {
    const { notes } = planCloud(valid);
    expect(notes.map((n) => `${n.kind} ${n.feature} ${n.path ?? ''}`)).toEqual([
      'emulated compose.ingress /ingress/routes/0',
      'emulated compose.ingress /ingress/routes/1',
      'emulated secrets.per_install_generated /secrets/0',
      'emulated helm.secrets /secrets/0/generator',
      'emulated secrets.per_install_generated /secrets/1',
      'emulated secrets.file /secrets/1/target',
      'emulated secrets.per_install_generated /secrets/2',
      'emulated helm.secrets /secrets/2/generator',
      'emulated secrets.user_prompt /secrets/3',
      'lost compose.secrets /secrets/4',
      'emulated kubernetes.dependencies /services/0/dependencies',
      'emulated compose.healthcheck /services/0/health',
      'emulated kubernetes.probes /services/0/health',
      'emulated compose.replicas /services/0/replicas',
      'emulated critical /services/1/critical',
      'emulated kubernetes.dependencies /services/1/dependencies',
      'emulated compose.healthcheck /services/1/health',
      'emulated kubernetes.readiness /services/1/readiness/timeout_ms',
      'emulated compose.resources /services/1/resources/cpu',
      'lost compose.volumes /services/1/volumes/0/size',
      'emulated critical /services/2/critical',
      'emulated kubernetes.volumes /services/2/volumes',
      'lost compose.volumes /services/2/volumes/0/size',
      'emulated compose.healthcheck /services/3/health',
      'lost compose.readiness /services/3/readiness',
      'lost kubernetes.readiness /services/3/readiness',
      'lost metadata /services/4/metadata',
      'emulated kubernetes.ports /services/4/ports',
      'emulated kubernetes.volumes /services/4/volumes',
      'emulated kubernetes.volumes /services/4/volumes/0',
    ]);
  });

  it('writes only the targets asked for, and their notes', () => {
    const plan = planCloud(valid, { targets: ['compose'] });
    expect(plan.files.map((f) => f.path)).toEqual(['README.md', 'compose/compose.yaml', 'compose/create-secrets.sh']);
    expect(plan.notes.filter((n) => n.feature.startsWith('kubernetes.') || n.feature.startsWith('helm.'))).toEqual([]);
    expect(planCloud(valid, { targets: ['helm'] }).files.some((f) => f.path.startsWith('kubernetes/'))).toBe(false);
  });

  it('resolves placeholders, escapes $ and keeps secrets out of env values', () => {
    const plan = planCloud(valid);
    const api = (plan.compose['services'] as Record<string, Record<string, unknown>>)['api'];
    expect(api?.['command']).toEqual(['serve', '--port', '8080', '--banner', 'costs $$5 or $$(more)']);
    expect(api?.['environment']).toEqual({ DATABASE_URL: 'postgres://postgres@postgres:5432/notes', JWT_KEY_FILE: '/var/run/secrets/notes/keys/jwt.pem', REDIS_URL: 'redis://cache:6379' });
    expect(api?.['env_file']).toEqual(['secrets/db_password.env', 'secrets/session_secret.env', 'secrets/admin_email.env', 'secrets/openai_api_key.env']);
    const configMap = plan.kubernetes.get('api.yaml')?.[0];
    expect(configMap?.['data']).toEqual(api?.['environment']);
  });

  it('puts persistent services in StatefulSets and waits for dependencies with init containers', () => {
    const plan = planCloud(valid);
    const kinds = [...plan.kubernetes].map(([file, objects]) => `${file}: ${objects.map((o) => o['kind']).join(',')}`);
    expect(kinds).toEqual([
      'web.yaml: ConfigMap,Service,Deployment',
      'api.yaml: ConfigMap,Service,Deployment',
      'postgres.yaml: ConfigMap,Service,StatefulSet',
      'cache.yaml: ConfigMap,Service,Deployment',
      'embedder.yaml: ConfigMap,Service,StatefulSet',
      'ingress.yaml: Ingress',
      'external-secret.yaml: ExternalSecret',
    ]);
    const api = plan.kubernetes.get('api.yaml')?.[2] as { spec: { template: { spec: { initContainers: { name: string }[] } } } };
    expect(api.spec.template.spec.initContainers.map((c) => c.name)).toEqual(['wait-for-cache', 'wait-for-postgres']);
  });

  it('refuses manifests the targets cannot carry, with codes', async () => {
    expect(errorCodes(edited(valid, (m) => void ((m.app as Record<string, unknown>)['name'] = 'Notes App')))).toContain('CLOUD_APP_NAME_INVALID /app/name');
    const renamed = edited(valid, (m) => {
      const services = m.services as { id: string; dependencies?: string[] }[];
      services[3]!.id = 'Cache_1';
      services[1]!.dependencies = ['postgres', 'Cache_1'];
      const env = (services[1] as unknown as { env: Record<string, string> }).env;
      env['REDIS_URL'] = 'redis://cache:${Cache_1.redis}';
    });
    expect(errorCodes(renamed)).toEqual(['CLOUD_SERVICE_ID_INVALID /services/3/id']);
    expect(errorCodes(edited(valid, (m) => void ((m.services as { volumes?: unknown[] }[])[2]!.volumes = [{ name: 'Data', mount_path: '/d', persistent: true }])))).toEqual(['CLOUD_VOLUME_NAME_INVALID /services/2/volumes/0/name']);
    expect(errorCodes(edited(valid, (m) => void ((m.services as { env?: Record<string, string> }[])[2]!.env = { 'BAD NAME': 'x' })))).toEqual(['CLOUD_ENV_NAME_INVALID /services/2/env/BAD NAME']);
    expect(errorCodes(edited(valid, (m) => void ((m.secrets as { generator?: unknown }[])[0]!.generator = { type: 'random', length: 4, charset: 'numeric' })))).toContain('SECRET_GENERATOR_WEAK /secrets/0/generator');
    expect(errorCodes(edited(valid, (m) => void ((m.secrets as { generator?: unknown }[])[0]!.generator = { type: 'random', length: 40, charset: { alphabet: 'äöüßéèêëïîôûç' } })))).toEqual(['CLOUD_GENERATOR_UNSUPPORTED /secrets/0/generator']);
    expect(errorCodes(edited(valid, (m) => void ((m.secrets as { id: string }[])[2]!.id = 'db/password')))).toEqual(expect.arrayContaining(['SECRET_UNKNOWN /services/1/secrets/2']));
    expect(errorCodes(edited(valid, (m) => void (m.target = 'desktop')))).not.toEqual([]);
    const outDir = mkdtempSync(join(tmpdir(), 'dm-cloud-'));
    try {
      await expect(createCloudPackager().pack(edited(valid, (m) => void ((m.app as Record<string, unknown>)['name'] = 'Notes App')), packContext(outDir))).rejects.toSatisfy((e: unknown) => isSdkError(e, 'PACKAGER_CHECK_FAILED'));
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });

  it('warns about PEM keys in env files and ids that collide as keys', () => {
    const pem = edited(valid, (m) => void ((m.secrets as { target: unknown }[])[1]!.target = { type: 'env', name: 'JWT_KEY' }));
    expect(checkCloudBundle(pem).map((d) => `${d.code} ${d.severity}`)).toContain('CLOUD_SECRET_MULTILINE_ENV warning');
    const clash = edited(valid, (m) => {
      const secrets = m.secrets as { id: string }[];
      secrets[2]!.id = 'db password';
      secrets[3]!.id = 'db_password ';
      (m.services as { secrets?: string[] }[])[1]!.secrets = ['db_password', 'jwt_signing_key', 'db password', 'db_password ', 'openai_api_key'];
    });
    expect(errorCodes(clash)).toContain('CLOUD_SECRET_KEY_COLLISION /secrets/2/id');
  });

  it('has a documented code for every diagnostic it reports', () => {
    const all = [valid, invalid].flatMap((m) => checkCloudBundle(m, { composeSchema: false }));
    for (const d of all.filter((x) => x.code.startsWith('CLOUD_'))) expect(Object.keys(CLOUD_DIAGNOSTIC_CODES)).toContain(d.code);
  });
});
