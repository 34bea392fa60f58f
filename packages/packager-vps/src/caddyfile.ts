import type { CloudManifest } from '@deployment-manager/bundle';
import { caddyPath, caddyQuote, inlineText } from '@deployment-manager/core';

/**
 * Renders a Caddyfile for the manifest's ingress: one site (the ingress
 * host with automatic HTTPS when `tls`, plain HTTP otherwise, `:80` without
 * a host), one `handle` per route, longest path first, each proxying to the
 * service by its Compose DNS name (Docker spreads requests over replicas).
 * Every value from the manifest is one quoted token (`caddyQuote`). Pure.
 *
 * @example
 * ```ts
 * renderCaddyfile(manifest) // '"recipe-hub.example.com" {\n\t@r0 path "/api" "/api/*"\n\thandle @r0 {...'
 * ```
 */
export function renderCaddyfile(manifest: CloudManifest): string {
  const ingress = manifest.ingress;
  const host = ingress?.host;
  const site = host === undefined ? ':80' : caddyQuote(ingress?.tls === true ? host : `http://${host}`);
  const routes = [...(ingress?.routes ?? [])]
    .map((r) => ({ r, port: manifest.services.find((s) => s.id === r.service)?.ports?.find((p) => p.name === r.port_name)?.container_port }))
    .filter((x): x is { r: (typeof x)['r']; port: number } => x.port !== undefined)
    .sort((a, b) => b.r.path.length - a.r.path.length || (a.r.path < b.r.path ? -1 : a.r.path > b.r.path ? 1 : 0));
  const lines = [`# Reverse proxy for ${inlineText(manifest.app.name)} version ${inlineText(manifest.app.version)} (rendered by deployment-manager)`, `${site} {`, '\tencode gzip'];
  routes.forEach(({ r, port }, i) => {
    const upstream = caddyQuote(`${r.service}:${port}`);
    const path = r.path.replace(/\/+$/, '');
    if (path === '') {
      lines.push('\thandle {', `\t\treverse_proxy ${upstream}`, '\t}');
    } else {
      lines.push(`\t@r${i} path ${caddyPath(path)} ${caddyPath(`${path}/*`)}`, `\thandle @r${i} {`, `\t\treverse_proxy ${upstream}`, '\t}');
    }
  });
  if (!routes.some(({ r }) => r.path.replace(/\/+$/, '') === '')) lines.push('\thandle {', '\t\trespond "not found" 404', '\t}');
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
