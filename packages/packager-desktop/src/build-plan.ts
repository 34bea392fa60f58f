import type { ServiceBuild } from './build-commands.ts';
import { electronBuilderConfigPath } from './electron-builder-config.ts';
import type { DesktopManifest } from '@deployment-manager/bundle';
import { ELECTRON_BUILDER_VERSION, type AppIdentity, type ResolvedDesktopOptions, type UpdateChannel } from './options.ts';
import { platformOf, type DesktopOs } from './platforms.ts';
import type { GpgSigning, SigningEnv, SigningPlan } from './signing.ts';

/** The electron-builder invocation of one channel on one platform. */
export interface PackageCommand {
  /** Channel. */
  readonly channel: UpdateChannel;
  /** Configuration file, relative to the packager output. */
  readonly config: string;
  /** Program and arguments, run from the packager output. */
  readonly argv: readonly string[];
}

/** Everything that happens for one platform, in order: compile, stage, package, sign. */
export interface PlatformBuildPlan {
  /** Platform key. */
  readonly platform: string;
  /** electron-builder OS. */
  readonly os: DesktopOs;
  /** electron-builder arch. */
  readonly arch: string;
  /** Service builds (cross compilation where the toolchain allows it). */
  readonly builds: readonly ServiceBuild[];
  /** The OS electron-builder must run on to package this platform (`mac` needs macOS; `win` needs Windows or wine). */
  readonly packageOn: DesktopOs;
  /** Environment electron-builder needs for signing (names and non-secret literals only). */
  readonly signingEnv: readonly SigningEnv[];
  /** One electron-builder invocation per channel. */
  readonly package: readonly PackageCommand[];
  /** Detached GPG signature of the Linux packages, when configured. */
  readonly gpg: GpgSigning | null;
}

/** The build plan (`build-plan.json`); `build.sh` is its executable form. */
export interface BuildPlan {
  /** Format id. */
  readonly format: 'deployment-manager.desktop.build-plan/1';
  /** Application. */
  readonly app: AppIdentity;
  /** Environment variable naming the scenario source directory every `cwd` and `from` is relative to. */
  readonly sourceRootEnv: 'SOURCE_ROOT';
  /** The electron-builder version the configurations were validated against. */
  readonly electronBuilderVersion: string;
  /** Installs electron-builder into the packager output (run there first). */
  readonly install: readonly string[];
  /** Per platform, in table order. */
  readonly platforms: readonly PlatformBuildPlan[];
}

/** Assembles the build plan from the planned service builds and signing. Pure. */
export function createBuildPlan(manifest: DesktopManifest, options: ResolvedDesktopOptions, builds: Readonly<Record<string, readonly ServiceBuild[]>>, signing: SigningPlan): BuildPlan {
  const platforms: PlatformBuildPlan[] = [];
  for (const key of options.platforms) {
    const p = platformOf(key);
    if (p === undefined) continue;
    platforms.push({
      platform: key,
      os: p.os,
      arch: p.arch,
      builds: builds[key] ?? [],
      packageOn: p.os,
      signingEnv: signing.env[p.os],
      package: options.channels.map((channel) => ({
        channel,
        config: electronBuilderConfigPath(channel),
        argv: ['npx', '--no-install', 'electron-builder', '--config', electronBuilderConfigPath(channel), p.builderFlag, `--${p.arch}`, '--publish', 'never'],
      })),
      gpg: p.os === 'linux' ? (signing.gpg ?? null) : null,
    });
  }
  return {
    format: 'deployment-manager.desktop.build-plan/1',
    app: { name: manifest.app.name, version: manifest.app.version },
    sourceRootEnv: 'SOURCE_ROOT',
    electronBuilderVersion: ELECTRON_BUILDER_VERSION,
    install: ['npm', 'install', '--no-audit', '--no-fund'],
    platforms,
  };
}
