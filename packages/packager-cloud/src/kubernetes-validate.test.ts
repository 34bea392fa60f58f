import { describe, expect, it } from 'vitest';
import { KUBERNETES_KINDS, validateKubernetesObject } from './kubernetes-validate.ts';

const deployment = (container: Record<string, unknown>): Record<string, unknown> => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'api', labels: { app: 'api' } },
  spec: { selector: { matchLabels: { app: 'api' } }, template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'api', image: 'api:1', ...container }] } } },
});
const codes = (o: Record<string, unknown>): string[] => validateKubernetesObject(o, 'x.yaml').map((d) => `${d.code} ${d.path}`);

describe('validateKubernetesObject', () => {
  it('accepts a well-formed object of every kind it knows', () => {
    expect(codes(deployment({ ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }], livenessProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 5 } }))).toEqual([]);
    expect(codes({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { A: '1' } })).toEqual([]);
    expect(KUBERNETES_KINDS).toContain('external-secrets.io/v1/ExternalSecret');
  });

  it('reports a field the schema does not know, at its path, and nothing else', () => {
    expect(codes(deployment({ imagePullPolicyy: 'Always' }))).toEqual(['CLOUD_K8S_UNKNOWN_FIELD /spec/template/spec/containers/0/imagePullPolicyy']);
    expect(codes({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80, targetport: 80 }] } })).toEqual(['CLOUD_K8S_UNKNOWN_FIELD /spec/ports/0/targetport']);
  });

  it('treats map keys (labels, data) as known and booleans as probed with a string', () => {
    expect(codes({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: { 'any.key/x': 'v' } }, data: { 'any-key': 'v' }, immutable: true })).toEqual([]);
  });

  it('reports schema violations by kubernetes-models', () => {
    expect(codes(deployment({ ports: [{ containerPort: 'http' }] }))).toContain('CLOUD_K8S_INVALID /spec/template/spec/containers/0/ports/0/containerPort');
    expect(codes({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { A: 1 } })).toEqual(['CLOUD_K8S_INVALID /data/A']);
  });

  it('validates External Secrets v1 objects against the v1beta1 model', () => {
    const es = { apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: 'r' }, spec: { refreshInterval: '1h', secretStoreRef: { name: 'default', kind: 'ClusterSecretStore' }, target: { name: 'r', creationPolicy: 'Owner' }, data: [{ secretKey: 'k', remoteRef: { key: 'a/b', property: 'p' } }] } };
    expect(codes(es)).toEqual([]);
    expect(codes({ ...es, spec: { ...es.spec, data: [{ secretKey: 'k', remoteRef: { key: 'a', proprety: 'p' } }] } })).toEqual(['CLOUD_K8S_UNKNOWN_FIELD /spec/data/0/remoteRef/proprety']);
  });

  it('refuses kinds it has no model for', () => {
    expect(codes({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' } })).toEqual(['CLOUD_K8S_KIND_UNKNOWN ']);
  });
});
