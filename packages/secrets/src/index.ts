/**
 * Secret planning per deployment tier: requirements, fail-closed classification, generation, templates.
 * Everything of `@deployment-manager/secrets/pure` (which bundles for the browser) plus what
 * draws random values (`node:crypto`), checks provided values (`Buffer`) and stores them in files.
 *
 * @packageDocumentation
 * @module @deployment-manager/secrets
 */
export * from './pure.ts';
export { generateSecret, publicKeyFromPrivate } from './generate.ts';
export { createFileSecretStore } from './file-store.ts';
export { materializeSecrets, type MaterializeOptions, type MaterializeResult } from './materialize.ts';
export { checkProvidedValue, matchesGenerator } from './values.ts';
