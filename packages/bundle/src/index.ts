/**
 * Deployment manifests: assembly, schema and semantic validation, canonical export, profiles.
 * Everything of `@deployment-manager/bundle/pure` (which bundles for the browser) plus the
 * checksum, export files and the file profile store.
 *
 * @packageDocumentation
 * @module @deployment-manager/bundle
 */
export * from './pure.ts';
export { exportCanonical, sha256Hex, type CanonicalExport } from './canonical-export.ts';
export { checksumPath, verifyExport, writeExport, writeFileAtomic, type ExportVerification } from './export-file.ts';
export { createFileProfileStore, type FileProfileStoreOptions } from './file-profile-store.ts';
