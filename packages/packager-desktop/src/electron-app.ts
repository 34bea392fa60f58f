import type { DesktopManifest } from '@deployment-manager/bundle';
import { ELECTRON_BUILDER_VERSION, slugify, type ResolvedDesktopOptions } from './options.ts';

/** The electron-updater version bundled when a publish provider is configured. */
export const ELECTRON_UPDATER_VERSION = '6.8.10';

/**
 * The project `package.json` in the packager output: it only pins
 * electron-builder (which downloads Electron itself for each target).
 */
export function createProjectPackageJson(manifest: DesktopManifest): Record<string, unknown> {
  return {
    name: `${slugify(manifest.app.name)}-desktop-build`,
    private: true,
    description: `Desktop packaging of ${manifest.app.name} ${manifest.app.version} (generated).`,
    scripts: { build: 'sh build.sh' },
    devDependencies: { 'electron-builder': ELECTRON_BUILDER_VERSION },
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
