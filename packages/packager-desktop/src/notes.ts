import { jsonPointer, type PackagerNote } from '@deployment-manager/core';
import { canonicalPlatform, type DesktopManifest } from '@deployment-manager/bundle';
import type { ResolvedDesktopOptions } from './options.ts';
import { platformOf } from './platforms.ts';

/**
 * What the Electron/electron-builder target cannot express as the manifest
 * says, apart from code signing (see `planSigning`). Sorted by path. Pure.
 */
export function desktopNotes(manifest: DesktopManifest, options: ResolvedDesktopOptions): PackagerNote[] {
  const notes: PackagerNote[] = [];
  for (const [i, service] of manifest.services.entries()) {
    for (const key of Object.keys(service.binaries)) {
      if (platformOf(key) !== undefined && !options.platforms.includes(canonicalPlatform(key))) {
        notes.push({ kind: 'lost', feature: 'binaries', message: `the ${key} binary of service "${service.id}" is not packaged: ${key} is not among the packaged platforms`, path: jsonPointer(['services', i, 'binaries', key]) });
      }
      const binary = service.binaries[key];
      if (binary?.path.includes('\\') === true) {
        notes.push({ kind: 'emulated', feature: 'binaries.path', message: `the path of service "${service.id}" on ${key} uses "\\" separators; it is staged with "/" (Windows accepts both) and bundle.json keeps it as written`, path: jsonPointer(['services', i, 'binaries', key, 'path']) });
      }
    }
    if (service.gpu?.requirement !== undefined) {
      notes.push({ kind: 'lost', feature: 'gpu', message: `installers cannot require a GPU; service "${service.id}" (${service.gpu.requirement}) relies on the runtime's GPU detection at start`, path: jsonPointer(['services', i, 'gpu']) });
    }
    for (const [j, migration] of (service.migrations ?? []).entries()) {
      if (migration.run_on === 'first_install' || migration.run_on === 'install') {
        notes.push({ kind: 'emulated', feature: 'migrations.run_on', message: `installers run no migrations; migration ${migration.version} of "${service.id}" runs when the runtime first starts after installation`, path: jsonPointer(['services', i, 'migrations', j, 'run_on']) });
      }
    }
  }
  for (const [i, secret] of (manifest.secrets ?? []).entries()) {
    if (secret.class === 'user_prompt') {
      notes.push({ kind: 'emulated', feature: 'secrets.user_prompt', message: `the generated shell renders no prompt form: secret "${secret.id}" is asked once by \`deployment-manager run <bundle> --app-data <user data dir>\` on a terminal and kept in the install's 0600 store; without a stored value the runtime refuses to start when it is required and skips it when optional`, path: jsonPointer(['secrets', i]) });
    }
  }
  return notes;
}
