import { findPlaceholders, type MobileManifest } from '@deployment-manager/bundle';

/**
 * The content of `runtime-config.json`: the manifest's public configuration
 * with every `${id.url}` placeholder replaced by that remote service's URL,
 * plus each remote service's base URL and health URL. Public values only:
 * a manifest's `config` never holds a secret. Pure.
 */
export interface RuntimeConfig {
  /** The app's public configuration, placeholders resolved, keys sorted. */
  readonly config: Readonly<Record<string, string>>;
  /** Remote services by id: base URL, health URL, whether the app needs it. */
  readonly services: Readonly<
    Record<
      string,
      {
        /** Base URL. */
        readonly url: string;
        /** Base URL joined with the health path, when there is one. */
        readonly health_url?: string;
        /** Whether the app cannot work without it. */
        readonly required: boolean;
      }
    >
  >;
}

/** Replaces each `${id.url}` in `text` with the URL of remote service `id` (unknown ones stay as written; validation reports them). */
export function resolveUrls(text: string, urls: ReadonlyMap<string, string>): string {
  let out = '';
  let last = 0;
  for (const p of findPlaceholders(text)) {
    if (p.token === undefined) break;
    const dot = p.token.lastIndexOf('.');
    const url = dot > 0 && p.token.slice(dot + 1) === 'url' ? urls.get(p.token.slice(0, dot)) : undefined;
    if (url === undefined) continue;
    out += text.slice(last, p.index) + url;
    last = p.index + p.token.length + 3;
  }
  return out + text.slice(last);
}

/** Joins a base URL and a path with exactly one slash between them. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** Builds the {@link RuntimeConfig} of a manifest. */
export function createRuntimeConfig(manifest: MobileManifest): RuntimeConfig {
  const urls = new Map(manifest.remote_services.map((r) => [r.id, r.url]));
  const keys = Object.keys(manifest.config ?? {}).sort();
  const config = Object.fromEntries(keys.map((k) => [k, resolveUrls(manifest.config?.[k] ?? '', urls)]));
  const services = Object.fromEntries(
    [...manifest.remote_services]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((r) => [r.id, { url: r.url, ...(r.health_path === undefined ? {} : { health_url: joinUrl(r.url, r.health_path) }), required: r.required ?? false }]),
  );
  return { config, services };
}
