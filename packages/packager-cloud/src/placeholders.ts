import { findPlaceholders, type CloudManifest } from '@deployment-manager/bundle';

/** Container port of every `service.port` name of a manifest. */
export function portTable(manifest: CloudManifest): ReadonlyMap<string, number> {
  const out = new Map<string, number>();
  for (const s of manifest.services) for (const p of s.ports ?? []) out.set(`${s.id}.${p.name}`, p.container_port);
  return out;
}

/**
 * Replaces each `${service.port}` placeholder by that port's container port:
 * services reach each other by id on their container ports on every cloud
 * target. Placeholders that resolve to nothing stay (validation reports them).
 */
export function resolvePlaceholders(text: string, ports: ReadonlyMap<string, number>): string {
  let out = '';
  let at = 0;
  for (const p of findPlaceholders(text)) {
    const port = p.token === undefined ? undefined : ports.get(p.token);
    if (port === undefined || p.token === undefined) continue;
    out += text.slice(at, p.index) + String(port);
    at = p.index + p.token.length + 3;
  }
  return out + text.slice(at);
}

/**
 * Doubles every `$`: Compose interpolates `$VAR` in every string and
 * Kubernetes expands `$(VAR)` in command and args, and both read `$$` as a
 * literal `$`. So the text reaches the container as written.
 */
export function escapeDollars(text: string): string {
  return text.replace(/\$/g, '$$$$');
}
