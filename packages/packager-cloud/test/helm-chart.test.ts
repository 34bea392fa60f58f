import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { matchesGenerator, type GeneratorSpec } from '@deployment-manager/secrets';
import { parseAllDocuments } from 'yaml';
import { planCloud, renderHelmChart, validateKubernetesObject } from '../src/index.ts';
import { sampleManifest } from './sample.ts';

const manifest = sampleManifest();
const plan = planCloud(manifest);
const docs = (text: string): Record<string, unknown>[] =>
  parseAllDocuments(text, { version: '1.1' })
    .flatMap((d) => ('toJS' in d ? [d.toJS() as Record<string, unknown> | null] : []))
    .filter((d): d is Record<string, unknown> => d !== null);
const validateValues = new Ajv({ allErrors: true, strict: false }).compile(plan.chart.valuesSchema);

describe('helm chart', () => {
  it('renders with its default values to exactly the plain manifests, file by file', () => {
    const rendered = renderHelmChart(plan.chart);
    expect([...rendered.keys()].sort()).toEqual([...plan.kubernetes.keys(), 'secret.yaml'].sort());
    for (const [name, objects] of plan.kubernetes) expect(docs(rendered.get(name) ?? '')).toEqual(objects);
    expect(docs(rendered.get('secret.yaml') ?? '')).toEqual([]);
  });

  it('reads each value where the plain manifest holds it, and still validates', () => {
    const rendered = renderHelmChart(plan.chart, {
      release: 'staging',
      values: { services: { web: { replicas: 5, image: 'registry.example.com/web:2', resources: { limits: { memory: '1Gi' } } } }, ingress: { host: 'staging.example.com' } },
    });
    const [, , web] = docs(rendered.get('web.yaml') ?? '') as [unknown, unknown, { metadata: { labels: Record<string, string> }; spec: { replicas: number; template: { spec: { containers: { image: string; resources: unknown }[] } } } }];
    expect(web.spec.replicas).toBe(5);
    expect(web.spec.template.spec.containers[0]?.image).toBe('registry.example.com/web:2');
    expect(web.spec.template.spec.containers[0]?.resources).toEqual({ limits: { memory: '1Gi' } });
    expect(web.metadata.labels['app.kubernetes.io/instance']).toBe('staging');
    const [ingress] = docs(rendered.get('ingress.yaml') ?? '') as [{ spec: { rules: { host: string }[]; tls: { hosts: string[] }[] } }];
    expect(ingress.spec.rules[0]?.host).toBe('staging.example.com');
    expect(ingress.spec.tls[0]?.hosts).toEqual(['staging.example.com']);
    for (const [name, text] of rendered) for (const o of docs(text)) expect(validateKubernetesObject(o, name)).toEqual([]);
  });

  it('drops the Ingress when ingress.enabled is false', () => {
    expect(docs(renderHelmChart(plan.chart, { values: { ingress: { enabled: false } } }).get('ingress.yaml') ?? '')).toEqual([]);
  });

  it('has values.yaml that validates against values.schema.json, which rejects wrong values', () => {
    expect(validateValues(plan.chart.values)).toBe(true);
    const withValues = (over: Record<string, unknown>): Record<string, unknown> => ({ ...plan.chart.values, ...over });
    expect(validateValues(withValues({ waitImage: '' }))).toBe(false);
    expect(validateValues(withValues({ unknownKey: 1 }))).toBe(false);
    expect(validateValues(withValues({ secrets: { create: true, values: { admin_email: '' } } }))).toBe(false);
    expect(validateValues(withValues({ secrets: { create: true, values: { admin_email: 'not an address' } } }))).toBe(false);
    expect(validateValues(withValues({ secrets: { create: true, values: { admin_email: 'ops@example.com' } } }))).toBe(true);
  });

  it('with secrets.create, requires the prompted values', () => {
    expect(() => renderHelmChart(plan.chart, { values: { secrets: { create: true } } })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: 'set secrets.values.admin_email (Admin e-mail)' }));
  });

  it('with secrets.create and the prompted values, creates a valid Secret with generated values of the right shape', () => {
    const rendered = renderHelmChart(plan.chart, { values: { secrets: { create: true, values: { admin_email: 'ops@example.com' } } } });
    const [secret] = docs(rendered.get('secret.yaml') ?? '') as [{ metadata: { name: string; annotations: Record<string, string> }; data: Record<string, string> }];
    expect(validateKubernetesObject(secret as unknown as Record<string, unknown>, 'secret.yaml')).toEqual([]);
    expect(secret.metadata.name).toBe('notes-secrets');
    expect(secret.metadata.annotations['helm.sh/resource-policy']).toBe('keep');
    const value = (k: string): string => Buffer.from(secret.data[k] ?? '', 'base64').toString('utf8');
    expect(Object.keys(secret.data).sort()).toEqual(['admin_email', 'db_password', 'jwt_signing_key', 'session_secret']);
    expect(value('admin_email')).toBe('ops@example.com');
    expect(value('db_password')).toMatch(/^[A-Za-z0-9]{25}$/);
    expect(value('session_secret')).toMatch(/^[A-Za-z0-9]{41}$/);
    const jwt = manifest.secrets?.find((s) => s.id === 'jwt_signing_key')?.generator as unknown as GeneratorSpec;
    expect(matchesGenerator(jwt, value('jwt_signing_key'))).toBe(true);
  });

  it('writes Chart.yaml with the app version as chart and app version', () => {
    expect(plan.chart.chart).toEqual({ apiVersion: 'v2', name: 'notes', description: 'Shared notes with search', type: 'application', version: '1.4.0', appVersion: '1.4.0' });
    const odd = planCloud({ ...manifest, app: { ...manifest.app, version: '2024.10' } });
    expect(odd.chart.chart['version']).toBe('0.1.0');
    expect(odd.chart.chart['appVersion']).toBe('2024.10');
    expect(odd.notes.some((n) => n.feature === 'helm.version')).toBe(true);
    expect(odd.issues).toEqual([]);
  });
});
