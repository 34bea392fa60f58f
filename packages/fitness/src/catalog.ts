import { SdkError } from '@deployment-manager/core/pure';
import { REPLACEMENT_CATALOG_DATA } from './catalog-replacements-data.ts';
import { RESOURCE_CATALOG_DATA } from './catalog-data.ts';
import type { Arch, CatalogEntry, CatalogEntryInput, LicenseClass, Os } from './types.ts';

/** A resolved catalog: entries by canonical name plus an alias index. */
export interface Catalog {
  /** Entries by canonical name. */
  readonly entries: ReadonlyMap<string, CatalogEntry>;
  /** Lower-case alias (and name) -> canonical name. */
  readonly index: ReadonlyMap<string, string>;
}

/** Options of {@link createCatalog}. */
export interface CreateCatalogOptions {
  /** Start from the built-in entries (default true). False: only the given entries. */
  readonly builtins?: boolean;
}

const LICENSE_CLASSES: readonly LicenseClass[] = ['permissive', 'weak-copyleft', 'strong-copyleft', 'network-copyleft', 'source-available', 'proprietary', 'hosted-terms'];
const OSES: readonly Os[] = ['linux', 'macos', 'windows', 'ios', 'android'];
const ARCHES: readonly Arch[] = ['x64', 'arm64'];

/** Every built-in entry input, fixture resources first, then replacements. */
export const BUILTIN_CATALOG_DATA: readonly CatalogEntryInput[] = [...RESOURCE_CATALOG_DATA, ...REPLACEMENT_CATALOG_DATA];

/**
 * Builds a catalog from the built-in facts plus user entries. A user entry
 * whose name (or alias) matches an existing entry is merged over it field by
 * field (override); any other name extends the catalog. Invalid entries throw
 * `CATALOG_INVALID` naming the entry and field.
 *
 * @example
 * ```ts
 * const catalog = createCatalog([{ name: 'postgres', ramMb: 1024 }, { name: 'duckdb', daemon: false, provides: ['sql'] }]);
 * lookupEntry(catalog, 'postgresql')?.ramMb; // 1024
 * ```
 */
export function createCatalog(extra: readonly CatalogEntryInput[] = [], options: CreateCatalogOptions = {}): Catalog {
  const inputs = new Map<string, CatalogEntryInput>();
  const index = new Map<string, string>();
  const add = (input: CatalogEntryInput, position: number): void => {
    if (typeof input !== 'object' || input === null || typeof input.name !== 'string' || input.name.trim() === '') {
      throw invalid(`catalog entry #${position} has no name`, position, 'name');
    }
    const key = normalizeName(input.name);
    const existing = index.get(key);
    if (existing !== undefined) {
      const prior = inputs.get(existing) as CatalogEntryInput;
      inputs.set(existing, { ...prior, ...input, name: existing });
      for (const a of input.aliases ?? []) index.set(normalizeName(a), existing);
      return;
    }
    inputs.set(key, { ...input, name: key });
    index.set(key, key);
    for (const a of input.aliases ?? []) index.set(normalizeName(a), key);
  };
  if (options.builtins ?? true) BUILTIN_CATALOG_DATA.forEach(add);
  extra.forEach(add);
  const entries = new Map<string, CatalogEntry>();
  let position = 0;
  for (const [name, input] of inputs) entries.set(name, completeEntry(input, position++));
  return { entries, index };
}

/** The built-in catalog (created once). */
export const DEFAULT_CATALOG: Catalog = createCatalog();

/**
 * Canonical form of a dependency name for catalog lookup: trimmed,
 * lower-case, without a `resource-` prefix.
 */
export function normalizeName(name: string): string {
  const n = name.trim().toLowerCase();
  return n.startsWith('resource-') ? n.slice('resource-'.length) : n;
}

/** Finds the entry for a name or alias, or `undefined` when the catalog does not know it. */
export function lookupEntry(catalog: Catalog, name: string): CatalogEntry | undefined {
  const canonical = catalog.index.get(normalizeName(name));
  return canonical === undefined ? undefined : catalog.entries.get(canonical);
}

function completeEntry(input: CatalogEntryInput, position: number): CatalogEntry {
  const hosted = input.hosted === true;
  const provides = input.provides ?? [];
  const entry: CatalogEntry = {
    name: input.name,
    aliases: input.aliases ?? [],
    description: input.description ?? input.name,
    category: input.category ?? 'service',
    daemon: input.daemon ?? !hosted,
    network: input.network ?? (hosted ? 'internet' : 'local'),
    offline: input.offline ?? (hosted ? false : (input.network ?? 'local') !== 'internet'),
    gpu: input.gpu ?? 'none',
    ramMb: input.ramMb ?? (hosted ? 16 : 256),
    diskMb: input.diskMb ?? (hosted ? 5 : 500),
    license: input.license ?? (hosted ? { spdx: 'LicenseRef-Terms-Of-Service', class: 'hosted-terms' } : { spdx: 'NOASSERTION', class: 'permissive' }),
    platforms: input.platforms ?? (hosted ? { os: OSES, arch: ARCHES } : { os: ['linux', 'macos', 'windows'], arch: ARCHES }),
    persistence: input.persistence ?? 'none',
    provides,
    assumedNeeds: input.assumedNeeds ?? provides,
    requires: (input.requires ?? []).map(normalizeName),
    secrets: input.secrets ?? [],
    ports: input.ports ?? [],
  };
  checkEntry(entry, position);
  return entry;
}

function checkEntry(e: CatalogEntry, position: number): void {
  const bad = (field: string, why: string): SdkError => invalid(`catalog entry "${e.name}" has an invalid ${field}: ${why}`, position, field);
  for (const field of ['ramMb', 'diskMb'] as const) {
    if (typeof e[field] !== 'number' || !Number.isFinite(e[field]) || e[field] < 0) throw bad(field, 'expected a finite number >= 0');
  }
  if (!['none', 'optional', 'required'].includes(e.gpu)) throw bad('gpu', 'expected none, optional or required');
  if (!['none', 'local', 'internet'].includes(e.network)) throw bad('network', 'expected none, local or internet');
  if (!['none', 'cache', 'durable'].includes(e.persistence)) throw bad('persistence', 'expected none, cache or durable');
  if (typeof e.daemon !== 'boolean' || typeof e.offline !== 'boolean') throw bad('daemon/offline', 'expected booleans');
  if (!LICENSE_CLASSES.includes(e.license.class)) throw bad('license.class', `expected one of ${LICENSE_CLASSES.join(', ')}`);
  if (!e.platforms.os.every((o) => OSES.includes(o))) throw bad('platforms.os', `expected values among ${OSES.join(', ')}`);
  if (!e.platforms.arch.every((a) => ARCHES.includes(a))) throw bad('platforms.arch', `expected values among ${ARCHES.join(', ')}`);
  for (const list of ['provides', 'assumedNeeds', 'requires'] as const) {
    if (!Array.isArray(e[list]) || !e[list].every((c) => typeof c === 'string' && c !== '')) throw bad(list, 'expected a list of non-empty strings');
  }
  if (e.requires.includes(e.name)) throw bad('requires', 'an entry cannot require itself');
}

function invalid(message: string, position: number, field: string): SdkError {
  return new SdkError('CATALOG_INVALID', message, {
    hint: 'fix the catalog entry; see the CatalogEntry type for the fields and their allowed values',
    details: { position, field },
  });
}
