import type { DesktopManifest } from '@deployment-manager/bundle';
import { slugify, type DesktopPublishTarget, type ResolvedDesktopOptions, type UpdateChannel } from './options.ts';
import { expandTemplate } from './paths.ts';
import { platformOf, type DesktopOs } from './platforms.ts';
import type { SigningPlan } from './signing.ts';

/** An electron-builder configuration object (validated against electron-builder's `scheme.json`). */
export type ElectronBuilderConfig = Readonly<Record<string, unknown>>;

/** The electron-updater channel file each release channel publishes (`latest.yml`, `beta.yml`, `alpha.yml`). */
export const UPDATER_CHANNEL: Readonly<Record<UpdateChannel, string>> = { stable: 'latest', beta: 'beta', dev: 'alpha' };

/** The GitHub release type each channel publishes as. */
const GITHUB_RELEASE_TYPE: Readonly<Record<UpdateChannel, string>> = { stable: 'release', beta: 'prerelease', dev: 'draft' };

/** The file name of a channel's configuration inside the packager output. */
export function electronBuilderConfigPath(channel: UpdateChannel): string {
  return `electron-builder.${channel}.json`;
}

/** Platform key prefix per OS, as staging directories are named (`staging/darwin-arm64`). */
const STAGING_PREFIX: Readonly<Record<DesktopOs, string>> = { linux: 'linux', win: 'win', mac: 'darwin' };

/** The publish entry of one provider for one channel. */
function publishEntry(target: DesktopPublishTarget, channel: UpdateChannel): Record<string, unknown> {
  const updater = UPDATER_CHANNEL[channel];
  switch (target.provider) {
    case 'github':
      return { provider: 'github', owner: target.owner, repo: target.repo, ...(target.private === undefined ? {} : { private: target.private }), releaseType: GITHUB_RELEASE_TYPE[channel], channel: updater };
    case 'generic':
      return { provider: 'generic', url: expandTemplate(target.url, { channel }), channel: updater };
    case 's3':
      return { provider: 's3', bucket: target.bucket, ...(target.region === undefined ? {} : { region: target.region }), ...(target.path === undefined ? {} : { path: expandTemplate(target.path, { channel }) }), channel: updater };
  }
}

/**
 * The electron-builder configuration of one update channel: targets per OS
 * for the packaged platforms, each OS's staging tree as `extraResources`
 * (`resources/bundle`), signing settings, and publish providers pinned to
 * the channel. `dev` builds get their own app id and product name so they
 * install beside the released app. Pure.
 */
export function createElectronBuilderConfig(manifest: DesktopManifest, options: ResolvedDesktopOptions, signing: SigningPlan, channel: UpdateChannel): ElectronBuilderConfig {
  const dev = channel === 'dev';
  const slug = slugify(manifest.app.name);
  const archs: Record<DesktopOs, string[]> = { linux: [], win: [], mac: [] };
  for (const key of options.platforms) {
    const p = platformOf(key);
    if (p !== undefined && !archs[p.os].includes(p.arch)) archs[p.os].push(p.arch);
  }
  const section = (os: DesktopOs): Record<string, unknown> => ({
    target: options.targets[os].map((target) => ({ target, arch: archs[os] })),
    extraResources: [{ from: `staging/${STAGING_PREFIX[os]}-\${arch}`, to: 'bundle', filter: ['**/*'] }],
  });
  const config: Record<string, unknown> = {
    appId: dev ? `${options.appId}.dev` : options.appId,
    productName: dev ? `${options.productName} Dev` : options.productName,
    ...(options.copyright === undefined ? {} : { copyright: options.copyright }),
    electronVersion: options.electronVersion,
    directories: { app: 'app', output: `dist/${channel}` },
    files: ['main.cjs', 'package.json'],
    asar: true,
    artifactName: `${slug}-\${version}${channel === 'stable' ? '' : `-${channel}`}-\${os}-\${arch}.\${ext}`,
    detectUpdateChannel: false,
    generateUpdatesFilesForAllChannels: false,
    extraMetadata: { name: dev ? `${slug}-dev` : slug, version: manifest.app.version, main: 'main.cjs', updateChannel: UPDATER_CHANNEL[channel] },
    publish: options.publish.length === 0 ? null : options.publish.map((t) => publishEntry(t, channel)),
  };
  if (archs.linux.length > 0) {
    config['linux'] = {
      ...section('linux'),
      category: options.linuxCategory,
      executableName: dev ? `${slug}-dev` : slug,
      maintainer: options.maintainer,
      ...(manifest.app.description === undefined ? {} : { synopsis: manifest.app.description }),
    };
  }
  if (archs.win.length > 0) {
    config['win'] = { ...section('win'), executableName: dev ? `${slug}-dev` : slug, ...signing.win };
    if (options.targets.win.includes('nsis')) config['nsis'] = { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true };
  }
  if (archs.mac.length > 0) {
    config['mac'] = { ...section('mac'), category: 'public.app-category.utilities', ...signing.mac };
  }
  return config;
}
