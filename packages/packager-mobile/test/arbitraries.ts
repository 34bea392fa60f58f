import { fc } from '@fast-check/vitest';
import type { MobileManifest } from '@deployment-manager/bundle';
import { JAVA_RESERVED_WORDS } from '../src/index.ts';

const word = fc.stringMatching(/^[a-z][a-z0-9]{1,7}$/);
const segment = fc.stringMatching(/^[a-z][a-z0-9]{1,7}$/).filter((s) => !JAVA_RESERVED_WORDS.includes(s));

/** Resources a remote service may stand for (all servers the catalog knows). */
const REMOTE_RESOURCES = ['postgres', 'qdrant', 'redis', 'n8n', 'minio', 'ollama', 'browserless'] as const;
/** Swaps the fitness catalog knows on mobile, with unique originals. */
const SWAPS = [
  ['postgres', 'sqlite'],
  ['postgres', 'supabase'],
  ['redis', 'in-process-cache'],
  ['qdrant', 'qdrant-cloud'],
  ['ollama', 'openrouter'],
  ['ollama', 'openai'],
  ['minio', 's3'],
  ['n8n', 'embedded-workflows'],
] as const;

/**
 * Valid mobile manifests: 0-3 https remote services (maybe one the backend,
 * others standing for a resource), embedded plugins, swaps from the swap
 * catalog, device secrets of every class (remote_fetch only when a remote
 * service can serve it) stored under lower-case keys, public config that
 * references the services' URLs, and permissions.
 */
export const mobileManifestArb: fc.Arbitrary<MobileManifest> = fc
  .record({
    app: word,
    version: fc.tuple(fc.nat(9), fc.nat(9), fc.nat(9)).map(([a, b, c]) => `${a}.${b}.${c}`),
    appId: fc.array(segment, { minLength: 2, maxLength: 4 }).map((s) => s.join('.')),
    platforms: fc.subarray(['ios', 'android'] as const, { minLength: 1 }),
    index: fc.option(fc.constantFrom('index.html', 'app.html', 'start/main.html'), { nil: undefined }),
    backend: fc.boolean(),
    remotes: fc.uniqueArray(fc.record({ id: word, resource: fc.constantFrom(...REMOTE_RESOURCES), required: fc.boolean(), health: fc.boolean() }), { maxLength: 3, selector: (r) => r.resource }),
    swaps: fc.uniqueArray(fc.constantFrom(...SWAPS), { maxLength: 3, selector: ([from]) => from }),
    embedSqlite: fc.boolean(),
    secrets: fc.uniqueArray(fc.record({ id: word, cls: fc.constantFrom('per_install_generated', 'user_prompt', 'remote_fetch') }), { maxLength: 3, selector: (s) => s.id }),
    permissions: fc.subarray(['camera', 'geolocation', 'notifications']),
  })
  .map(({ app, version, appId, platforms, index, backend, remotes, swaps, embedSqlite, secrets, permissions }) => {
    const services = [
      ...(backend ? [{ id: 'backend', url: `https://${app}.example.com`, health_path: '/health', required: true, provides: `scenario:${app}` }] : []),
      ...remotes
        .filter((r) => r.id !== 'backend')
        .map((r) => ({ id: r.id, url: `https://${r.id}.example.net/`, ...(r.health ? { health_path: 'healthz' } : {}), required: r.required, provides: `resource:${r.resource}` })),
    ];
    const usable = secrets.filter((s) => s.cls !== 'remote_fetch' || services.length > 0);
    const manifest = {
      schema_version: 'v0.1' as const,
      target: 'mobile' as const,
      app: { name: app, version, scenario: app },
      app_id: appId,
      platforms,
      web: { dir: 'www', ...(index === undefined ? {} : { index }) },
      remote_services: services,
      ...(embedSqlite ? { embedded: [{ id: 'sqlite', kind: 'plugin' as const, package: '@capacitor-community/sqlite', provides: 'resource:sqlite' }] } : {}),
      ...(swaps.length > 0 ? { swaps: swaps.map(([original, replacement]) => ({ original, replacement })) } : {}),
      ...(usable.length > 0
        ? {
            secrets: usable.map((s) => ({
              id: `s_${s.id}`,
              class: s.cls,
              ...(s.cls === 'per_install_generated' ? { generator: { type: 'random', length: 32, charset: 'alnum' } } : {}),
              ...(s.cls === 'user_prompt' ? { prompt: { label: `${s.id} code` } } : {}),
              ...(s.cls === 'remote_fetch' ? { logical_id: `${app}/${s.id}` } : {}),
              target: { type: 'secure_storage' as const, name: `key_${s.id}` },
            })),
          }
        : {}),
      config: Object.fromEntries(services.map((r) => [`${r.id.toUpperCase()}_URL`, `\${${r.id}.url}`])),
      ...(permissions.length > 0 ? { permissions } : {}),
    };
    return manifest as MobileManifest;
  });
