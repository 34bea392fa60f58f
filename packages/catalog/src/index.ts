/**
 * The one catalog of dependency facts: every record says what a dependency or
 * replacement needs and provides (tier facts, capabilities), its secrets
 * (with the connection secrets of managed services), how it runs (container
 * image, data directory, command, ports, health), its licence and version,
 * and the swaps it offers. fitness, secrets, bundle and every packager read
 * it; users extend or override it with records of their own.
 *
 * @packageDocumentation
 * @module @deployment-manager/catalog
 */
export {
  ARCHES,
  LICENSE_CLASSES,
  OSES,
  SECRET_KINDS,
  type Arch,
  type Capability,
  type CatalogEntry,
  type CatalogEntryInput,
  type CharsetName,
  type ContainerFacts,
  type GeneratorSpec,
  type GpuNeed,
  type HealthFact,
  type Hosting,
  type LicenseClass,
  type NetworkNeed,
  type Os,
  type Persistence,
  type PortFact,
  type PromptSpec,
  type SecretFact,
  type SecretKind,
  type SecretReader,
  type SwapEffort,
  type SwapOffer,
  type SwapRule,
} from './types.ts';
export { BUILTIN_RECORDS, DEFAULT_CATALOG, createCatalog, lookupEntry, normalizeName, secretIdOf, swapRules, type Catalog, type CreateCatalogOptions } from './catalog.ts';
export { RESOURCE_RECORDS } from './data/resources.ts';
export { REPLACEMENT_RECORDS } from './data/replacements.ts';
export { SCENARIO_ENTRY } from './scenario-entry.ts';
export { catalogEntryInputSchema, catalogFileSchema } from './schema.ts';
export { checkVersion, type VersionCheck } from './versions.ts';
export { factsFromRuntime } from './from-runtime.ts';
export { catalogRecords } from './catalog-file.ts';
