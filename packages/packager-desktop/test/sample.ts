import { readFileSync } from 'node:fs';
import type { DesktopManifest } from '@deployment-manager/bundle';

/** The self-contained sample manifest (mirrors the shape of the predecessor's desktop-happy.json, plus build entries and signing). */
export function sampleManifest(): DesktopManifest {
  return JSON.parse(readFileSync(new URL('./fixtures/sample.desktop.json', import.meta.url), 'utf8')) as DesktopManifest;
}
