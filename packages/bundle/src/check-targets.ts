import type { Diagnostic } from '@deployment-manager/core/pure';
import { asArray, asInt, asObject, asString, finding } from './findings.ts';
import { isLoopbackHost } from './check-desktop.ts';

/**
 * Cloud-only meaning: every service has an image or a build, container ports
 * inside 1-65535, volume names unique and mount paths absolute, persistent
 * volumes not silently shared by replicas, ingress routes to real services.
 * (Route port names are checked here too, since routes live outside services.)
 */
export function checkCloud(manifest: Readonly<Record<string, unknown>>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const portsById = new Map<string, Set<string>>();
  asArray(manifest['services']).forEach((raw, i) => {
    const svc = asObject(raw);
    if (svc === undefined) return;
    const id = asString(svc['id']) ?? `#${i}`;
    if (svc['image'] === undefined && svc['build'] === undefined) {
      out.push(finding('CLOUD_IMAGE_MISSING', ['services', i], `cloud service "${id}" has neither image nor build`, 'name a container image (postgres:16-alpine) or a build context'));
    }
    const names = new Set<string>();
    asArray(svc['ports']).forEach((p, j) => {
      const port = asInt(asObject(p)?.['container_port']);
      const name = asString(asObject(p)?.['name']);
      if (name !== undefined) names.add(name);
      if (port !== undefined && (port < 1 || port > 65535)) {
        out.push(finding('PORT_INVALID', ['services', i, 'ports', j, 'container_port'], `container port ${port} of service "${id}" is outside 1-65535`, 'use a port between 1 and 65535'));
      }
    });
    portsById.set(id, names);
    const volumes = new Set<string>();
    const replicas = asInt(svc['replicas']) ?? 1;
    asArray(svc['volumes']).forEach((v, j) => {
      const vol = asObject(v);
      const name = asString(vol?.['name']);
      const mount = asString(vol?.['mount_path']);
      const path = ['services', i, 'volumes', j];
      if (name !== undefined) {
        if (volumes.has(name)) out.push(finding('VOLUME_NAME_DUPLICATE', [...path, 'name'], `service "${id}" declares volume "${name}" twice`, 'give each volume its own name'));
        volumes.add(name);
      }
      if (mount !== undefined && !mount.startsWith('/')) {
        out.push(finding('VOLUME_PATH_NOT_ABSOLUTE', [...path, 'mount_path'], `mount path "${mount}" of service "${id}" is not absolute`, 'mount paths are container paths such as /var/lib/postgresql/data'));
      }
      if (vol?.['persistent'] === true && replicas > 1) {
        out.push(finding('VOLUME_SHARED_BY_REPLICAS', path, `persistent volume "${name ?? j}" of service "${id}" is mounted by ${replicas} replicas`, 'use one replica, a shared-access volume, or per-replica volumes'));
      }
    });
  });
  asArray(asObject(manifest['ingress'])?.['routes']).forEach((r, i) => {
    const route = asObject(r);
    const service = asString(route?.['service']);
    const portName = asString(route?.['port_name']);
    const path = ['ingress', 'routes', i];
    if (service === undefined) return;
    const ports = portsById.get(service);
    if (ports === undefined) {
      out.push(finding('INGRESS_SERVICE_UNKNOWN', [...path, 'service'], `ingress route targets unknown service "${service}"`, `services: ${[...portsById.keys()].join(', ')}`));
    } else if (portName !== undefined && !ports.has(portName)) {
      out.push(finding('PORT_NAME_UNKNOWN', [...path, 'port_name'], `port_name "${portName}" is not a port of service "${service}"`, `declared ports: ${[...ports].join(', ') || 'none'}`));
    }
  });
  return out;
}

/** Mobile-only meaning: remote service URLs are absolute http(s), and https off loopback. */
export function checkMobile(manifest: Readonly<Record<string, unknown>>): Diagnostic[] {
  const out: Diagnostic[] = [];
  asArray(manifest['remote_services']).forEach((r, i) => {
    const url = asString(asObject(r)?.['url']);
    const id = asString(asObject(r)?.['id']) ?? `#${i}`;
    if (url === undefined) return;
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    const path = ['remote_services', i, 'url'];
    // An http(s) URL always has a host: the URL parser refuses one without.
    if (parsed === undefined || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      out.push(finding('REMOTE_URL_INVALID', path, `url "${url}" of remote service "${id}" is not an absolute http(s) URL`, 'write the full base URL, e.g. https://api.example.com'));
    } else if (parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname)) {
      out.push(finding('REMOTE_URL_INSECURE', path, `remote service "${id}" is reached over plain http`, 'use https; mobile platforms block cleartext traffic by default'));
    }
  });
  return out;
}
