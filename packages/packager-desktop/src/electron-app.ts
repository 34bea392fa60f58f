import type { DesktopManifest } from '@deployment-manager/bundle';
import packageJson from '../package.json' with { type: 'json' };
import { ELECTRON_BUILDER_VERSION, slugify, type ResolvedDesktopOptions } from './options.ts';

/** This package's version; `@deployment-manager/runtime` has the same one (the SDK versions in lockstep). */
const SDK_VERSION: string = packageJson.version;

/** The electron-updater version bundled when a publish provider is configured. */
const ELECTRON_UPDATER_VERSION = '6.8.10';

/**
 * The project `package.json` in the packager output: it pins electron-builder
 * (which downloads Electron itself for each target) and the runtime, whose
 * self-contained `dist/runtime.mjs` the build stages into the bundle.
 */
export function createProjectPackageJson(manifest: DesktopManifest): Record<string, unknown> {
  return {
    name: `${slugify(manifest.app.name)}-desktop-build`,
    private: true,
    description: `Desktop packaging of ${manifest.app.name} ${manifest.app.version} (generated).`,
    scripts: { build: 'sh build.sh' },
    devDependencies: { '@deployment-manager/runtime': `^${SDK_VERSION}`, 'electron-builder': ELECTRON_BUILDER_VERSION },
  };
}

/** The Electron app's own `package.json` (`app/package.json`, the two-package.json layout). */
export function createAppPackageJson(manifest: DesktopManifest, options: ResolvedDesktopOptions): Record<string, unknown> {
  return {
    name: slugify(manifest.app.name),
    productName: options.productName,
    version: manifest.app.version,
    description: manifest.app.description ?? options.productName,
    author: options.maintainer,
    private: true,
    main: 'main.cjs',
    ...(options.publish.length === 0 ? {} : { dependencies: { 'electron-updater': ELECTRON_UPDATER_VERSION } }),
  };
}
