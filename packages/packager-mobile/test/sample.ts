import { readFileSync } from 'node:fs';
import type { MobileManifest } from '@deployment-manager/bundle';

/** The self-contained sample manifest: a backend, a remote vector search, an embedded sqlite plugin, two swaps and one secret of each device class. */
export function sampleManifest(): MobileManifest {
  return JSON.parse(readFileSync(new URL('./fixtures/sample.mobile.json', import.meta.url), 'utf8')) as MobileManifest;
}
