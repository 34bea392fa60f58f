import type { z } from 'zod';
import { cloudManifestSchema, type CloudManifest } from './manifest-cloud.ts';
import { desktopManifestSchema, type DesktopManifest } from './manifest-desktop.ts';
import { mobileManifestSchema, type MobileManifest } from './manifest-mobile.ts';

/** The targets a manifest can be written for. */
export const MANIFEST_TARGETS = ['desktop', 'cloud', 'mobile'] as const;

/** A manifest target. */
export type ManifestTarget = (typeof MANIFEST_TARGETS)[number];

/** Any manifest, discriminated by `target`. */
export type Manifest = DesktopManifest | CloudManifest | MobileManifest;

/** The manifest type of one target. */
export type ManifestOf<T extends ManifestTarget> = T extends 'desktop' ? DesktopManifest : T extends 'cloud' ? CloudManifest : MobileManifest;

/** The zod schema of every target. */
export interface ManifestSchemas {
  /** {@link DesktopManifest}. */
  readonly desktop: z.ZodType<DesktopManifest>;
  /** {@link CloudManifest}. */
  readonly cloud: z.ZodType<CloudManifest>;
  /** {@link MobileManifest}. */
  readonly mobile: z.ZodType<MobileManifest>;
}

/** Zod schema per target. */
export const MANIFEST_SCHEMAS: ManifestSchemas = { desktop: desktopManifestSchema, cloud: cloudManifestSchema, mobile: mobileManifestSchema };

/** True when `value` names a manifest target. */
export function isManifestTarget(value: unknown): value is ManifestTarget {
  return typeof value === 'string' && (MANIFEST_TARGETS as readonly string[]).includes(value);
}
