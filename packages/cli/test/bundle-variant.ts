import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The part of a staged bundle's manifest the deploy tests change. */
export interface VariantManifest {
  app: { version: string };
  services: { id: string; health: { path?: string } }[];
}

/**
 * A copy of a staged bundle at `dir/name` with its manifest changed by `change`, so the copy is
 * another release (its checksum differs) of the same app.
 */
export function bundleVariant(bundle: string, dir: string, name: string, change: (manifest: VariantManifest) => void): string {
  const dest = join(dir, name);
  cpSync(bundle, dest, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dest, 'bundle.json'), 'utf8')) as VariantManifest;
  change(manifest);
  writeFileSync(join(dest, 'bundle.json'), JSON.stringify(manifest));
  return dest;
}
