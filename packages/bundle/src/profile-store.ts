import { SdkError } from '@deployment-manager/core/pure';
import { findVersion, nextVersion, rollbackVersion } from './profile-history.ts';
import {
  PROFILE_ID_PATTERN,
  profileContentSchema,
  profileExportSchema,
  type ProfileContent,
  type ProfileExport,
  type ProfileVersion,
} from './profile.ts';

/**
 * The storage primitives a profile store needs. `append` is a compare-and-set:
 * it writes `version.version` only when it is exactly one past the stored
 * latest, and throws `PROFILE_CONFLICT` otherwise - two writers that read the
 * same latest version cannot both succeed.
 */
export interface ProfileBackend {
  /** Ids of every stored profile (any order). */
  listIds(): Promise<string[]>;
  /** Every version of a profile, oldest first; empty when unknown. */
  read(id: string): Promise<ProfileVersion[]>;
  /** Reserves a new id; false when it is taken. */
  reserve(id: string): Promise<boolean>;
  /** Appends the next version (compare-and-set on the version number). */
  append(version: ProfileVersion): Promise<void>;
}

/** A summary line of a stored profile. */
export interface ProfileSummary {
  /** Profile id. */
  readonly id: string;
  /** Name of the latest version. */
  readonly name: string;
  /** Scenario of the latest version. */
  readonly scenario: string;
  /** Latest version number. */
  readonly version: number;
  /** When the latest version was written. */
  readonly updatedAt: string;
}

/** Input of {@link ProfileStore.update}. */
export interface ProfileUpdate {
  /** The version the caller read; the update fails with `PROFILE_CONFLICT` if another was written since. */
  readonly expectedVersion: number;
  /** The full new content. */
  readonly content: ProfileContent;
  /** Why (required: every version has a change note). */
  readonly note: string;
}

/** Input of {@link ProfileStore.rollback}. */
export interface ProfileRollback {
  /** The version whose content to restore. */
  readonly toVersion: number;
  /** The version the caller read. */
  readonly expectedVersion: number;
  /** Why; default `rollback to version N`. */
  readonly note?: string;
}

/**
 * Versioned deployment profiles. Every change appends a full new version
 * with a note; updates are optimistic (`expectedVersion`), so concurrent
 * writers never lose an update silently - the loser gets `PROFILE_CONFLICT`.
 */
export interface ProfileStore {
  /** Creates a profile (version 1) with a fresh unique id, or the given one. */
  create(content: ProfileContent, options?: { readonly note?: string; readonly id?: string }): Promise<ProfileVersion>;
  /** Every profile, sorted by name then id. */
  list(): Promise<ProfileSummary[]>;
  /** The latest version, or a given one. Throws `PROFILE_NOT_FOUND`. */
  get(id: string, version?: number): Promise<ProfileVersion>;
  /** Every version, oldest first. Throws `PROFILE_NOT_FOUND`. */
  history(id: string): Promise<ProfileVersion[]>;
  /** Appends a new version. Throws `PROFILE_CONFLICT` when `expectedVersion` is not the latest. */
  update(id: string, input: ProfileUpdate): Promise<ProfileVersion>;
  /** Appends a version restoring an earlier version's exact content. */
  rollback(id: string, input: ProfileRollback): Promise<ProfileVersion>;
  /** The profile with its whole history. */
  export(id: string): Promise<ProfileExport>;
  /** Stores an exported profile with its history, under its id or (`newId`) a fresh one. */
  import(data: unknown, options?: { readonly newId?: boolean }): Promise<ProfileVersion>;
}

/** Options of {@link createProfileStore}. */
export interface ProfileStoreOptions {
  /** The clock (default: `new Date()`). */
  readonly now?: () => Date;
  /** The id generator (default: `crypto.randomUUID()`). */
  readonly newId?: () => string;
}

function checkId(id: string): void {
  if (!new RegExp(PROFILE_ID_PATTERN).test(id)) {
    throw new SdkError('INVALID_ARGUMENT', `profile id "${id}" is not a valid id`, { hint: 'ids are 1-128 letters, digits, ".", "_" or "-", starting with a letter or digit' });
  }
}

function checkContent(content: unknown): ProfileContent {
  const parsed = profileContentSchema.safeParse(content);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SdkError('INVALID_ARGUMENT', `profile content is invalid at /${issue?.path.join('/') ?? ''}: ${issue?.message ?? 'unknown'}`, {
      hint: 'a profile needs name, scenario, tiers (at least one), swaps, secrets and settings; secret values are never stored',
    });
  }
  return content as ProfileContent;
}

/**
 * Builds a {@link ProfileStore} over storage primitives (see
 * {@link createFileProfileStore} and {@link createMemoryProfileStore}).
 *
 * @example
 * ```ts
 * const store = createMemoryProfileStore();
 * const v1 = await store.create({ name: 'desk', scenario: 'picker-wheel', tiers: ['desktop'], swaps: [], secrets: {}, settings: {} });
 * await store.update(v1.id, { expectedVersion: 1, content: { ...v1.content, tiers: ['desktop', 'saas'] }, note: 'add saas' });
 * ```
 */
export function createProfileStore(backend: ProfileBackend, options: ProfileStoreOptions = {}): ProfileStore {
  const now = (): string => (options.now ?? (() => new Date()))().toISOString();
  const newId = options.newId ?? (() => crypto.randomUUID());

  const history = async (id: string): Promise<ProfileVersion[]> => {
    checkId(id);
    const versions = await backend.read(id);
    if (versions.length === 0) {
      throw new SdkError('PROFILE_NOT_FOUND', `profile "${id}" does not exist`, { hint: 'list profiles with `deployment-manager profile list`', details: { id } });
    }
    return versions;
  };

  const appendChecked = async (versions: readonly ProfileVersion[], expected: number, next: ProfileVersion): Promise<ProfileVersion> => {
    const latest = versions[versions.length - 1] as ProfileVersion;
    if (latest.version !== expected) {
      throw new SdkError('PROFILE_CONFLICT', `profile "${latest.id}" is at version ${latest.version}, not ${expected}`, {
        hint: 'another writer changed it; read the latest version, re-apply your change and retry',
        details: { id: latest.id, expected, actual: latest.version },
      });
    }
    await backend.append(next);
    return next;
  };

  const reserveFresh = async (wanted: string | undefined): Promise<string> => {
    if (wanted !== undefined) {
      checkId(wanted);
      if (!(await backend.reserve(wanted))) {
        throw new SdkError('PROFILE_CONFLICT', `profile id "${wanted}" is taken`, { hint: 'pick another id, or import with a new id', details: { id: wanted } });
      }
      return wanted;
    }
    for (let attempt = 0; attempt < 5; attempt++) {
      const id = newId();
      checkId(id);
      if (await backend.reserve(id)) return id;
    }
    throw new SdkError('PROFILE_STORE_FAILED', 'could not reserve a unique profile id', { hint: 'the id generator keeps returning taken ids' });
  };

  return {
    async create(content, opts = {}) {
      const checked = checkContent(content);
      const id = await reserveFresh(opts.id);
      const v1: ProfileVersion = { id, version: 1, note: opts.note ?? 'created', createdAt: now(), content: structuredClone(checked) };
      await backend.append(v1);
      return v1;
    },
    async list() {
      const out: ProfileSummary[] = [];
      for (const id of await backend.listIds()) {
        const versions = await backend.read(id);
        const latest = versions[versions.length - 1];
        if (latest === undefined) continue;
        out.push({ id, name: latest.content.name, scenario: latest.content.scenario, version: latest.version, updatedAt: latest.createdAt });
      }
      return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
    async get(id, version) {
      const versions = await history(id);
      return version === undefined ? (versions[versions.length - 1] as ProfileVersion) : findVersion(versions, version);
    },
    history,
    async update(id, input) {
      const content = checkContent(input.content);
      const versions = await history(id);
      return appendChecked(versions, input.expectedVersion, nextVersion(versions, content, input.note, now()));
    },
    async rollback(id, input) {
      const versions = await history(id);
      const next = rollbackVersion(versions, input.toVersion, input.note ?? `rollback to version ${input.toVersion}`, now());
      return appendChecked(versions, input.expectedVersion, next);
    },
    async export(id) {
      return { format: 'deployment-manager.profile', formatVersion: 1, id, versions: await history(id) };
    },
    async import(data, opts = {}) {
      const parsed = profileExportSchema.safeParse(data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new SdkError('INVALID_ARGUMENT', `profile export is invalid at /${issue?.path.join('/') ?? ''}: ${issue?.message ?? 'unknown'}`, {
          hint: 'import a file written by `deployment-manager profile export`',
        });
      }
      const exported = parsed.data;
      exported.versions.forEach((v, i) => {
        if (v.version !== i + 1 || v.id !== exported.id) {
          throw new SdkError('INVALID_ARGUMENT', `profile export "${exported.id}" has version ${v.version} (id "${v.id}") at position ${i + 1}`, {
            hint: 'versions must be 1..n in order, all with the profile id',
          });
        }
      });
      const id = await reserveFresh(opts.newId === true ? undefined : exported.id);
      for (const v of exported.versions) await backend.append({ ...v, id });
      return { ...(exported.versions[exported.versions.length - 1] as ProfileVersion), id };
    },
  };
}

/**
 * An in-memory profile store (tests, hosts that persist elsewhere). Same
 * semantics as the file store, including conflicts.
 */
export function createMemoryProfileStore(options: ProfileStoreOptions = {}): ProfileStore {
  const data = new Map<string, ProfileVersion[]>();
  const backend: ProfileBackend = {
    listIds: async () => [...data.keys()],
    read: async (id) => structuredClone(data.get(id) ?? []),
    reserve: async (id) => {
      if (data.has(id)) return false;
      data.set(id, []);
      return true;
    },
    append: async (version) => {
      const list = data.get(version.id) ?? [];
      if (version.version !== list.length + 1) {
        throw new SdkError('PROFILE_CONFLICT', `profile "${version.id}" already has version ${version.version}`, { hint: 'read the latest version and retry' });
      }
      list.push(structuredClone(version));
      data.set(version.id, list);
    },
  };
  return createProfileStore(backend, options);
}
