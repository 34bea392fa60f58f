// The browser page of a source checkout: a clone runs the TypeScript sources
// and has no dist/, so the first `deployment-manager ui` builds the page from
// app/ with vite (a dev dependency a clone has installed). An installed package
// ships dist/app and never builds.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SdkError } from '@deployment-manager/core';

/** Where this package keeps its built page and the sources it is built from. */
export interface AppLocation {
  /** The built page (`dist/app`). */
  readonly appDir: string;
  /** The vite config that builds it, when this is a source checkout. */
  readonly viteConfig: string;
  /** The page's sources (`app/index.html`), when this is a source checkout. */
  readonly sourceEntry: string;
}

/** The default location of the page, relative to this module (src/ in a clone, dist/ when built). */
export function defaultAppLocation(): AppLocation {
  return {
    appDir: fileURLToPath(new URL('../dist/app/', import.meta.url)),
    viteConfig: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    sourceEntry: fileURLToPath(new URL('../app/index.html', import.meta.url)),
  };
}

/**
 * Makes sure the page is built: does nothing when `appDir/index.html` exists,
 * builds it with vite when the sources are beside it (a clone), and otherwise
 * leaves the missing page to the asset loader's `FILE_UNREADABLE`. Returns
 * whether it built. Throws `FILE_UNREADABLE` when vite is missing or cannot build it.
 */
export async function ensureAppBuilt(location: AppLocation, log: (line: string) => void = () => {}): Promise<boolean> {
  if (existsSync(`${location.appDir}/index.html`)) return false;
  if (!existsSync(location.sourceEntry) || !existsSync(location.viteConfig)) return false;
  log('building the browser page from its sources (first run in a clone; a few seconds)');
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    throw new SdkError('FILE_UNREADABLE', 'the browser page is not built and vite, which builds it, is not installed', {
      hint: 'run the install of the README (npx --yes pnpm@10.34.9 install), then try again',
    });
  }
  try {
    await vite.build({ configFile: location.viteConfig, logLevel: 'error' });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new SdkError('FILE_UNREADABLE', `vite could not build the browser page: ${reason}`, { hint: 'run pnpm build to see the whole build output' });
  }
  return true;
}
