import type { PackagerNote } from '@deployment-manager/core';
import type { MobileManifest } from '@deployment-manager/bundle';
import type { CapacitorConfigJson } from './capacitor-config.ts';
import { CAPACITOR_CLI_VERSION } from './capacitor-schema.ts';
import type { RuntimeConfig } from './runtime-config.ts';
import type { MobileSecretPlan } from './secret-plan.ts';
import type { ServerSideMoves } from './server-side-moves.ts';

/** Everything {@link renderNextSteps} reads. */
export interface NextStepsInput {
  /** The manifest. */
  readonly manifest: MobileManifest;
  /** The generated Capacitor configuration. */
  readonly config: CapacitorConfigJson;
  /** The runtime configuration. */
  readonly runtime: RuntimeConfig;
  /** The server-side moves. */
  readonly moves: ServerSideMoves;
  /** The secret plan. */
  readonly secrets: MobileSecretPlan;
  /** The notes. */
  readonly notes: readonly PackagerNote[];
}

const major = CAPACITOR_CLI_VERSION.split('.')[0] ?? '8';

/**
 * Renders `NEXT-STEPS.md`: how to turn the generated files into iOS and
 * Android projects, what must run on servers, which secrets the app keeps
 * and how it gets them, and what Capacitor could not express. Names and
 * URLs only, never a secret value. Pure.
 */
export function renderNextSteps(input: NextStepsInput): string {
  const { manifest, config, runtime, moves, secrets, notes } = input;
  const l: string[] = [];
  const platforms = manifest.platforms;
  l.push(`# ${config.appName} (${config.appId}): mobile next steps`, '');
  l.push(`Generated for Capacitor ${major} from the ${manifest.app.name} ${manifest.app.version} mobile manifest. The files beside this one:`, '');
  l.push('- `capacitor.config.json` - the Capacitor configuration (validated against the schema of `@capacitor/cli`).');
  l.push('- `runtime-config.json` - public configuration and remote service URLs for the web build to bundle.');
  l.push('- `server-side-moves.json` - every dependency that runs off the device, why, and its hosted replacement.');
  l.push('- `secret-plan.mobile.json` - the secrets the app keeps and those that stay on servers (names only).', '');

  l.push('## Create the native projects', '');
  l.push('```sh');
  l.push(`npm install @capacitor/core@^${major} ${platforms.map((p) => `@capacitor/${p}@^${major}`).join(' ')}`);
  l.push(`npm install -D @capacitor/cli@^${major}`);
  l.push('cp capacitor.config.json <your app root>/');
  l.push(`# build the web UI into ${config.webDir} (it must contain index.html), with runtime-config.json bundled`);
  for (const p of platforms) l.push(`npx cap add ${p}`);
  l.push('npx cap sync');
  l.push('```', '');
  const plugins = (manifest.embedded ?? []).filter((e) => e.package !== undefined);
  if (plugins.length > 0) {
    l.push('Embedded libraries and plugins to install before `npx cap sync`:', '');
    for (const e of plugins) l.push(`- \`${e.package as string}\` (${e.kind}, "${e.id}"${e.provides === undefined ? '' : `, stands in for ${e.provides}`})`);
    l.push('');
  }

  l.push('## Servers the app talks to', '');
  const services = Object.entries(runtime.services);
  if (services.length === 0) l.push('None: the app runs entirely on the device.', '');
  for (const [id, s] of services) l.push(`- \`${id}\`: ${s.url}${s.health_url === undefined ? '' : ` (health: ${s.health_url})`}${s.required ? ', required' : ''}`);
  if (services.length > 0) {
    l.push('', 'Each must answer CORS requests from the app origins `capacitor://localhost` (iOS) and `https://localhost` (Android).', '');
  }
  if (moves.moves.length > 0) {
    l.push('## Dependencies that run off the device', '');
    for (const m of moves.moves) {
      const where = m.placement === 'hosted' ? 'a hosted API' : m.placement === 'remote' ? `remote service "${m.via ?? ''}"` : `the server of "${m.via ?? ''}"`;
      const repl = m.hosted ? 'itself a hosted API' : m.replacement === null ? 'no hosted replacement known: run it yourself' : `${m.replacement.source === 'manifest' ? 'swapped for' : 'hosted option:'} ${m.replacement.name}${m.replacement.lacks.length > 0 ? ` (lacks ${m.replacement.lacks.join(', ')})` : ''}`;
      l.push(`- **${m.dependency}** on ${where}${m.must_move ? ', cannot run on a phone' : ''}; ${repl}.`);
    }
    l.push('');
  }

  l.push('## Secrets', '');
  if (secrets.device.length === 0) l.push('The app keeps no secrets.');
  for (const s of secrets.device) {
    const how = s.class === 'user_prompt' ? 'asked from the user on first launch' : s.class === 'per_install_generated' ? 'generated on first launch' : `fetched from ${secrets.store === null ? 'the secret store' : `"${secrets.store.service}"`} at \`${s.remote?.key ?? ''}\``;
    l.push(`- \`${s.id}\` (${s.class}): ${how}, kept in secure storage under \`${s.storage_key}\`.`);
  }
  if (secrets.server.length > 0) {
    l.push('', 'Stay on servers, never in the app:', '');
    for (const s of secrets.server) l.push(`- \`${s.env}\` (${s.id}) on "${s.held_by}"`);
  }
  l.push('', 'Keystore and signing passwords are not in `capacitor.config.json`: pass them to `npx cap build` from your CI secret store.', '');

  if ((manifest.permissions ?? []).length > 0) {
    l.push('## Device permissions', '');
    l.push('Declare these in `android/app/src/main/AndroidManifest.xml` and `ios/App/App/Info.plist`:', '');
    for (const p of manifest.permissions ?? []) l.push(`- ${p}`);
    l.push('');
  }

  l.push('## What Capacitor cannot express', '');
  if (notes.length === 0) l.push('Nothing.');
  for (const n of notes) l.push(`- ${n.kind} \`${n.feature}\`${n.path === undefined ? '' : ` (${n.path})`}: ${n.message}`);
  return `${l.join('\n')}\n`;
}
