import type { Diagnostic } from '@deployment-manager/core/pure';
import { appVersion, envName, manifestSecret, settingMap, settingString, settingStrings } from './assembly-common.ts';
import type { AssemblyPlan } from './assembly-plan.ts';
import { finding } from './findings.ts';
import { placeMobile } from './mobile-placement.ts';
import { APP_ID_PATTERN, MOBILE_PLATFORMS, type MobileManifest, type MobileRemoteService } from './manifest-mobile.ts';

/**
 * Builds the mobile manifest of an assembly plan: the scenario's UI runs on
 * the device; its APIs (and, behind them, every process resource) run
 * server-side and are reached by URL (`settings.remote_urls`); libraries are
 * embedded; where each dependency runs (with the fitness reasons and
 * replacement) and which secrets stay on servers are written into the
 * manifest; only secrets the device itself reads ship, into secure storage.
 * Values the profile should set (app id, URLs) are defaulted with a warning.
 * Pure.
 */
export function buildMobileManifest(plan: AssemblyPlan): { manifest: MobileManifest; diagnostics: Diagnostic[] } {
  const out: Diagnostic[] = [];
  const slug = plan.scenario.toLowerCase().replace(/[^a-z0-9]+/g, '');
  let appId = settingString(plan.settings, 'app_id');
  if (appId === undefined || !new RegExp(APP_ID_PATTERN).test(appId)) {
    appId = `com.example.${/^[a-z]/.test(slug) ? slug : `app${slug}`}`;
    out.push(finding('ASSEMBLY_DEFAULT_USED', ['app_id'], `no valid settings.app_id; wrote ${appId}`, 'set settings.app_id to your reverse-DNS application id'));
  }
  const urls = settingMap(plan.settings, 'remote_urls');
  const remotes: MobileRemoteService[] = plan.app
    .filter((s) => s.role === 'api')
    .map((s) => {
      let url = urls[s.id];
      if (url === undefined) {
        url = `https://${s.id}.${slug || 'app'}.example.invalid`;
        out.push(finding('ASSEMBLY_DEFAULT_USED', ['remote_services'], `no settings.remote_urls.${s.id}; wrote ${url}`, 'set the public URL of the server-side API'));
      }
      return { id: s.id, url, health_path: s.healthPath, required: true, provides: `scenario:${plan.scenario}` };
    });
  const ui = plan.app.find((s) => s.role === 'ui');
  const platforms = (settingStrings(plan.settings, 'mobile_platforms') ?? [...MOBILE_PLATFORMS]).filter((p): p is (typeof MOBILE_PLATFORMS)[number] =>
    (MOBILE_PLATFORMS as readonly string[]).includes(p),
  );
  const embedded = plan.resources.filter((r) => r.mode === 'library');
  const { placements, serverSecrets } = placeMobile(plan, remotes[0]?.id, new Set(embedded.map((r) => r.name)));
  const held = new Set(serverSecrets.map((s) => s.id));
  // The device reads only secrets asked from its user or made on it; secrets of what runs on a server stay there.
  const secrets = plan.secrets
    .filter(({ secret }) => (secret.class === 'user_prompt' || secret.class === 'per_install_generated') && !held.has(secret.id))
    .flatMap((linked) => {
      const s = manifestSecret(linked, (x) => ({ type: 'secure_storage' as const, name: x.id }), out);
      return s === undefined ? [] : [s];
    });
  const description = settingString(plan.settings, 'description') ?? plan.spec.description;
  const manifest: MobileManifest = {
    schema_version: 'v0.1',
    target: 'mobile',
    app: { name: plan.scenario, version: appVersion(plan), ...(description === undefined ? {} : { description }), scenario: plan.scenario },
    app_id: appId,
    platforms: platforms.length === 0 ? [...MOBILE_PLATFORMS] : platforms,
    web: { dir: ui?.build === undefined ? 'ui/dist' : `${ui.build.sourceDir}/dist` },
    remote_services: remotes,
    ...(embedded.length === 0 ? {} : { embedded: embedded.map((r) => ({ id: r.name, kind: 'library' as const, provides: r.node, ...(r.entry === undefined ? {} : { description: r.entry.description }) })) }),
    ...(plan.swaps.length === 0 ? {} : { swaps: [...plan.swaps] }),
    ...(secrets.length === 0 ? {} : { secrets }),
    ...(remotes.length === 0 ? {} : { config: Object.fromEntries(remotes.map((r) => [`${envName(r.id)}_URL`, `\${${r.id}.url}`])) }),
    ...(placements.length === 0 ? {} : { placements: [...placements] }),
    ...(serverSecrets.length === 0 ? {} : { server_secrets: [...serverSecrets] }),
  };
  return { manifest, diagnostics: out };
}
