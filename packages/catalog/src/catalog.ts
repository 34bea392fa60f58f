// Builds the one catalog every stage reads: the built-in records merged with a
// user's, defaults filled, checked once. Lookup and merge only - no scoring.
import { SdkError, type Tier } from '@deployment-manager/core/pure';
import { REPLACEMENT_RECORDS } from './data/replacements.ts';
import { RESOURCE_RECORDS } from './data/resources.ts';
import { catalogEntryInputSchema } from './schema.ts';
import { ARCHES, OSES, type CatalogEntry, type CatalogEntryInput, type SecretFact, type SwapRule } from './types.ts';

/** A resolved catalog: records by canonical name plus an alias index. */
export interface Catalog {
  /** Records by canonical name. */
  readonly entries: ReadonlyMap<string, CatalogEntry>;
  /** Normalized alias (and name) -> canonical name. */
  readonly index: ReadonlyMap<string, string>;
}

/** Options of {@link createCatalog}. */
export interface CreateCatalogOptions {
  /** Start from the built-in records (default true). False: only the given records. */
  readonly builtins?: boolean;
}

/** Every built-in record, resources first, then replacements. */
export const BUILTIN_RECORDS: readonly CatalogEntryInput[] = [...RESOURCE_RECORDS, ...REPLACEMENT_RECORDS];

/**
 * Canonical form of a dependency name for lookup: trimmed, lower-case, `_`
 * read as `-`, without a `resource-` prefix (`Node_Red`, `resource-node-red`
 * and `node-red` are one name).
 */
export function normalizeName(name: string): string {
  const n = name.trim().toLowerCase().replace(/_/g, '-');
  return n.startsWith('resource-') ? n.slice('resource-'.length) : n;
}

/**
 * Builds a catalog from the built-in records plus user records. The one merge
 * rule: a user record whose name (or an alias) matches an existing record is
 * laid over it field by field - every field it gives replaces that field
 * whole (lists and nested objects included), every field it leaves out is
 * kept, and its aliases are added; any other name adds a record. Records are
 * checked with {@link catalogEntryInputSchema} and for consistency (unique
 * ports and secret keys, swaps to known records); a bad one throws
 * `CATALOG_INVALID` naming the record and field.
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
  const add = (raw: CatalogEntryInput, position: number): void => {
    const parsed = catalogEntryInputSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') ?? '';
      const label = typeof (raw as { name?: unknown } | null)?.name === 'string' ? `"${(raw as { name: string }).name}"` : `#${position}`;
      throw invalid(`catalog record ${label} has an invalid ${field === '' ? 'shape' : field}: ${issue?.message ?? 'not an object'}`, position, field);
    }
    const input = parsed.data;
    const key = normalizeName(input.name);
    const existing = index.get(key);
    if (existing !== undefined) {
      const prior = inputs.get(existing) as CatalogEntryInput;
      inputs.set(existing, { ...prior, ...input, name: existing, aliases: [...(prior.aliases ?? []), ...(input.aliases ?? [])] });
      for (const a of input.aliases ?? []) index.set(normalizeName(a), existing);
      return;
    }
    inputs.set(key, { ...input, name: key });
    index.set(key, key);
    for (const a of input.aliases ?? []) index.set(normalizeName(a), key);
  };
  if (options.builtins ?? true) BUILTIN_RECORDS.forEach(add);
  extra.forEach(add);
  const entries = new Map<string, CatalogEntry>();
  let position = 0;
  for (const [name, input] of inputs) entries.set(name, completeEntry(input, position++));
  position = 0;
  for (const [name, entry] of entries) entries.set(name, { ...entry, swaps: canonicalSwaps(entry, entries, index, position++) });
  return { entries, index };
}

/** The built-in catalog (created once). */
export const DEFAULT_CATALOG: Catalog = createCatalog();

/** Finds the record for a name or alias, or `undefined` when the catalog does not know it. */
export function lookupEntry(catalog: Catalog, name: string): CatalogEntry | undefined {
  const canonical = catalog.index.get(normalizeName(name));
  return canonical === undefined ? undefined : catalog.entries.get(canonical);
}

/** The id a secret of a record gets in secret plans and manifests: its own `id`, else `<record>.<key>`. */
export function secretIdOf(entry: Pick<CatalogEntry, 'name'>, fact: Pick<SecretFact, 'key' | 'id'>): string {
  return fact.id ?? `${entry.name}.${fact.key}`;
}

/** Every swap the catalog offers as a flat rule, in record order (optionally only those meant for `tier`). */
export function swapRules(catalog: Catalog, tier?: Tier): SwapRule[] {
  const out: SwapRule[] = [];
  for (const e of catalog.entries.values()) {
    for (const s of e.swaps) if (tier === undefined || s.tiers.includes(tier)) out.push({ from: e.name, ...s });
  }
  return out;
}

function completeEntry(input: CatalogEntryInput, position: number): CatalogEntry {
  const hosted = input.hosted === true;
  const provides = input.provides ?? [];
  const daemon = input.daemon ?? !hosted;
  const network = input.network ?? (hosted ? 'internet' : 'local');
  const entry: CatalogEntry = {
    name: input.name,
    aliases: [...new Set((input.aliases ?? []).map(normalizeName))].filter((a) => a !== input.name),
    description: input.description ?? input.name,
    category: input.category ?? 'service',
    daemon,
    network,
    offline: input.offline ?? (hosted ? false : network !== 'internet'),
    gpu: input.gpu ?? 'none',
    ramMb: input.ramMb ?? (hosted ? 16 : 256),
    diskMb: input.diskMb ?? (hosted ? 5 : 500),
    license: input.license ?? (hosted ? { spdx: 'LicenseRef-Terms-Of-Service', class: 'hosted-terms' } : { spdx: 'NOASSERTION', class: 'permissive' }),
    platforms: input.platforms ?? (hosted ? { os: OSES, arch: ARCHES } : { os: ['linux', 'macos', 'windows'], arch: ARCHES }),
    persistence: input.persistence ?? 'none',
    provides,
    assumedNeeds: input.assumedNeeds ?? provides,
    requires: (input.requires ?? []).map(normalizeName),
    hosting: input.hosting ?? (hosted ? 'hosted-api' : daemon ? 'bundled-service' : 'embedded-library'),
    secrets: input.secrets === undefined ? null : input.secrets,
    ports: input.ports ?? [],
    ...(input.container === undefined ? {} : { container: input.container }),
    ...(input.health === undefined ? {} : { health: input.health }),
    ...(input.version === undefined ? {} : { version: input.version }),
    compatibleWith: (input.compatibleWith ?? []).map(normalizeName),
    swaps: (input.swaps ?? []).map((s) => ({ ...s, to: normalizeName(s.to) })),
  };
  checkEntry(entry, position);
  return entry;
}

function checkEntry(e: CatalogEntry, position: number): void {
  const bad = (field: string, why: string): SdkError => invalid(`catalog record "${e.name}" has an invalid ${field}: ${why}`, position, field);
  if (e.requires.includes(e.name)) throw bad('requires', 'a record cannot require itself');
  const unique = (values: readonly string[], field: string): void => {
    const dup = values.find((v, i) => values.indexOf(v) !== i);
    if (dup !== undefined) throw bad(field, `"${dup}" appears twice`);
  };
  unique(e.ports.map((p) => p.name), 'ports');
  unique((e.secrets ?? []).map((s) => s.key), 'secrets');
  if (e.health?.port !== undefined && !e.ports.some((p) => p.name === e.health?.port)) throw bad('health.port', `"${e.health.port}" is not one of its ports`);
  if (e.health?.type === 'http' && e.ports.length === 0) throw bad('health', 'an http check needs a port');
  if (e.health?.type === 'command' && (e.health.command ?? []).length === 0) throw bad('health.command', 'a command check needs a command');
  if (e.container !== undefined && !e.daemon) throw bad('container', 'only a daemon runs as a container');
}

/** A record's swaps with each replacement under its canonical name; a swap to an unknown record or to itself is invalid. */
function canonicalSwaps(e: CatalogEntry, entries: ReadonlyMap<string, CatalogEntry>, index: ReadonlyMap<string, string>, position: number): CatalogEntry['swaps'] {
  return e.swaps.map((s) => {
    const to = index.get(s.to);
    if (to === undefined || !entries.has(to)) throw invalid(`catalog record "${e.name}" offers a swap to "${s.to}", which is not in the catalog`, position, 'swaps');
    if (to === e.name) throw invalid(`catalog record "${e.name}" offers a swap to itself`, position, 'swaps');
    return { ...s, to };
  });
}

function invalid(message: string, position: number, field: string): SdkError {
  return new SdkError('CATALOG_INVALID', message, {
    hint: 'fix the catalog record; see the CatalogEntry type (or catalogEntryInputSchema) for the fields and their allowed values',
    details: { position, field },
  });
}
