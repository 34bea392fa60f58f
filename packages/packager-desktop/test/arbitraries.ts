import { fc } from '@fast-check/vitest';
import type { DesktopManifest } from '@deployment-manager/bundle';

const PLATFORMS = ['linux-x64', 'linux-arm64', 'win-x64', 'darwin-x64', 'darwin-arm64'] as const;
const word = fc.stringMatching(/^[a-z][a-z0-9]{1,7}$/);
const envName = fc.stringMatching(/^[A-Z][A-Z0-9_]{2,10}$/);

/**
 * Valid desktop manifests: 1-4 services in a dependency chain, each with a
 * binary for every chosen platform (some compiled from a go/rust build),
 * disjoint port ranges inside the default range, secrets of every bundleable
 * class used by some service, and optional code signing that names its
 * password variables.
 */
export const desktopManifestArb: fc.Arbitrary<DesktopManifest> = fc
  .record({
    app: word,
    version: fc.tuple(fc.nat(9), fc.nat(9), fc.nat(9)).map(([a, b, c]) => `${a}.${b}.${c}`),
    platforms: fc.subarray([...PLATFORMS], { minLength: 1 }),
    ids: fc.uniqueArray(word, { minLength: 1, maxLength: 4 }),
    builds: fc.array(fc.constantFrom('none', 'go', 'rust'), { minLength: 4, maxLength: 4 }),
    secrets: fc.uniqueArray(fc.record({ id: word, env: envName, cls: fc.constantFrom('per_install_generated', 'user_prompt', 'remote_fetch') }), { maxLength: 3, selector: (s) => s.env }),
    signing: fc.option(fc.record({ winPw: envName, gpgPw: envName, appleId: envName, applePw: envName }), { nil: undefined }),
  })
  .map(({ app, version, platforms, ids, builds, secrets, signing }) => {
    const secretIds = [...new Set(secrets.map((s) => `s_${s.id}`))];
    const services = ids.map((id, i) => {
      const build = builds[i] ?? 'none';
      const binaries = Object.fromEntries(platforms.map((p) => [p, { path: `bin/${p}/${id}${p.startsWith('win') ? '.exe' : ''}` }]));
      const base = 47100 + i * 20;
      return {
        id,
        type: i === 0 ? ('ui-bundle' as const) : ('api-binary' as const),
        binaries,
        ...(build === 'go' ? { build: { type: 'go' as const, source_dir: `src/${id}`, output_pattern: `out/{{platform}}/${id}{{ext}}`, env: { CGO_ENABLED: '0' } } } : {}),
        ...(build === 'rust' ? { build: { type: 'rust' as const, source_dir: `src/${id}`, entry_point: id } } : {}),
        env: { PORT: `\${${id}.http}`, ...(i + 1 < ids.length ? { NEXT_URL: `http://127.0.0.1:\${${ids[i + 1]}.http}` } : {}) },
        ...(i === ids.length - 1 && secretIds.length > 0 ? { secrets: secretIds } : {}),
        ports: { requested: [{ name: 'http', range: { min: base, max: base + 9 } }] },
        health: { type: 'http' as const, path: '/healthz', port_name: 'http' },
        readiness: { type: 'health_success' as const, timeout_ms: 10_000 },
        ...(i + 1 < ids.length ? { dependencies: [ids[i + 1] as string] } : {}),
      };
    });
    const seen = new Set<string>();
    const manifestSecrets = secrets
      .filter((s) => (seen.has(`s_${s.id}`) ? false : (seen.add(`s_${s.id}`), true)))
      .map((s) => ({
        id: `s_${s.id}`,
        class: s.cls,
        ...(s.cls === 'per_install_generated' ? { generator: { type: 'random', length: 32, charset: 'alnum' } } : {}),
        ...(s.cls === 'user_prompt' ? { prompt: { label: `${s.id} value`, description: 'enter it' } } : {}),
        target: { type: 'env' as const, name: s.env },
      }));
    const manifest = {
      schema_version: 'v0.1' as const,
      target: 'desktop' as const,
      app: { name: app, version },
      ipc: { mode: 'loopback-http' as const, host: '127.0.0.1', port: 47010, auth_token_path: 'runtime/auth-token' },
      telemetry: { file: 'telemetry/events.jsonl' },
      ports: { default_range: { min: 47100, max: 47999 }, reserved: [] },
      ...(manifestSecrets.length > 0 ? { secrets: manifestSecrets } : {}),
      services,
      ...(signing === undefined
        ? {}
        : {
            code_signing: {
              enabled: true,
              windows: { certificate_source: 'file' as const, certificate_file: 'certs/win.pfx', certificate_password_env: signing.winPw },
              macos: { identity: 'Developer ID Application: Example', team_id: 'TEAM123456', hardened_runtime: true, notarize: true, apple_id_env: signing.appleId, apple_id_password_env: signing.applePw },
              linux: { gpg_key_id: '0xABCDEF', gpg_passphrase_env: signing.gpgPw },
            },
          }),
    };
    return manifest as DesktopManifest;
  });

/** Names of every environment variable a manifest says holds a secret or a signing credential. */
export function secretEnvNames(m: DesktopManifest): string[] {
  const s = m.code_signing;
  return [
    ...(m.secrets ?? []).map((x) => x.target.name),
    ...[s?.windows?.certificate_password_env, s?.macos?.apple_id_env, s?.macos?.apple_id_password_env, s?.linux?.gpg_passphrase_env].filter((x): x is string => x !== undefined),
  ];
}
