import type { CloudManifest, CloudService } from '@deployment-manager/bundle';

const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** The Kubernetes container port name for a manifest port name, or undefined when it is not an IANA service name. */
export function k8sPortName(name: string): string | undefined {
  return name.length <= 15 && IANA_SVC_NAME.test(name) && /[a-z]/.test(name) && !name.includes('--') ? name : undefined;
}

/** The Secret key (and file name) of a secret id: the secrets package's spelling. */
export function secretKey(id: string): string {
  return id.replace(/[^-._a-zA-Z0-9]/g, '_');
}

/** The image a service runs: its `image`, or the tag its `build` produces. */
export function imageOf(manifest: CloudManifest, service: CloudService, registry: string): string {
  if (service.image !== undefined) return service.image;
  const tag = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(manifest.app.version) ? manifest.app.version : 'latest';
  return `${registry === '' ? '' : `${registry}/`}${manifest.app.name}/${service.id}:${tag}`;
}

/** Recommended Kubernetes labels of one service (the selector is the first two). */
export function serviceLabels(manifest: CloudManifest, service: CloudService, release: string): Record<string, string> {
  return {
    'app.kubernetes.io/name': service.id,
    'app.kubernetes.io/instance': release,
    'app.kubernetes.io/component': service.kind,
    'app.kubernetes.io/part-of': manifest.app.name,
    ...(LABEL_VALUE.test(manifest.app.version) && manifest.app.version.length <= 63 ? { 'app.kubernetes.io/version': manifest.app.version } : {}),
    'app.kubernetes.io/managed-by': 'deployment-manager',
  };
}

/** The label selector of one service's pods. */
export function selectorLabels(service: CloudService, release: string): Record<string, string> {
  return { 'app.kubernetes.io/name': service.id, 'app.kubernetes.io/instance': release };
}

/** Labels of app-wide objects (ingress, secrets). */
export function appLabels(manifest: CloudManifest, release: string): Record<string, string> {
  return { 'app.kubernetes.io/name': manifest.app.name, 'app.kubernetes.io/instance': release, 'app.kubernetes.io/managed-by': 'deployment-manager' };
}
