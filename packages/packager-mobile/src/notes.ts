import { jsonPointer, type PackagerNote } from '@deployment-manager/core';
import type { MobileManifest } from '@deployment-manager/bundle';
import type { MobileSecretPlan } from './secret-plan.ts';
import { isLoopbackUrl } from './urls.ts';

/**
 * What Capacitor cannot express as the manifest says: lost (dropped, left
 * to the native projects) or emulated (approximated by generated files or
 * by the app's own code). Sorted by path, then feature. Pure.
 */
export function mobileNotes(manifest: MobileManifest, secrets: MobileSecretPlan): PackagerNote[] {
  const notes: PackagerNote[] = [];
  const add = (kind: PackagerNote['kind'], feature: string, message: string, path: readonly (string | number)[]): void => {
    notes.push({ kind, feature, message, path: jsonPointer(path) });
  };
  add('lost', 'app.version', `capacitor.config.json has no version: set ${manifest.app.version} as versionName (and a versionCode) in android/app/build.gradle and as the marketing version in Xcode`, ['app', 'version']);
  const index = manifest.web.index;
  if (index !== undefined && index !== 'index.html') {
    add('emulated', 'web.index', `the app starts at ${index} through server.appStartPath; Capacitor still expects an index.html in ${manifest.web.dir}`, ['web', 'index']);
  }
  for (const [i, r] of manifest.remote_services.entries()) {
    if (r.health_path !== undefined) {
      add('emulated', 'remote_services.health_path', `Capacitor runs no health checks; runtime-config.json carries the health URL of "${r.id}" for the app to probe`, ['remote_services', i, 'health_path']);
    }
    if (r.required === true) {
      add('emulated', 'remote_services.required', `Capacitor cannot hold the app until "${r.id}" answers; the app must check it at start and show an offline state`, ['remote_services', i, 'required']);
    }
    if (r.url.startsWith('http:') && isLoopbackUrl(r.url)) {
      add('emulated', 'remote_services.url', `"${r.id}" is plain http on loopback, so server.cleartext is set for development; on a phone loopback is the phone itself (forward the port, e.g. adb reverse), iOS needs an App Transport Security exception, and cleartext must not ship`, ['remote_services', i, 'url']);
    }
  }
  if (Object.keys(manifest.config ?? {}).length > 0) {
    add('emulated', 'config', 'Capacitor has no runtime environment; the public configuration is written to runtime-config.json (URLs resolved) for the web build to bundle and read', ['config']);
  }
  if ((manifest.permissions ?? []).length > 0) {
    add('lost', 'permissions', `capacitor.config.json cannot declare device permissions; add ${(manifest.permissions ?? []).join(', ')} to AndroidManifest.xml and Info.plist (see NEXT-STEPS.md)`, ['permissions']);
  }
  if (secrets.device.length > 0) {
    add('emulated', 'secrets.secure_storage', 'Capacitor has no secure storage of its own; the app keeps secrets through a secure-storage plugin (iOS Keychain, Android Keystore)', ['secrets']);
  }
  for (const [i, s] of (manifest.secrets ?? []).entries()) {
    if (s.class === 'user_prompt') {
      add('emulated', 'secrets.user_prompt', `no prompt form is generated: the app's UI must ask for secret "${s.id}" on first launch and store it under "${s.target.name}"`, ['secrets', i]);
    } else if (s.class === 'per_install_generated') {
      add('emulated', 'secrets.per_install_generated', `Capacitor runs no install hooks: the app generates secret "${s.id}" on first launch (crypto.getRandomValues) and stores it under "${s.target.name}"`, ['secrets', i]);
    } else if (s.class === 'remote_fetch') {
      const store = secrets.store === null ? 'its secret store' : `"${secrets.store.service}"`;
      add('emulated', 'secrets.remote_fetch', `Capacitor fetches no secrets: the app reads secret "${s.id}" from ${store} at run time, after the user signs in, and keeps it under "${s.target.name}"`, ['secrets', i]);
    }
  }
  return notes.sort((a, b) => cmp(a.path ?? '', b.path ?? '') || cmp(a.feature, b.feature));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
