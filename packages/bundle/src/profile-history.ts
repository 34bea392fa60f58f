import { SdkError, jsonPointer } from '@deployment-manager/core/pure';
import type { JsonValue, ProfileContent, ProfileSecretChoice, ProfileVersion } from './profile.ts';

/** One difference between two profile contents. Arrays are compared as whole values. */
export interface ProfileChange {
  /** JSON pointer into the content. */
  readonly path: string;
  /** `add` (absent before), `remove` (absent after) or `replace`. */
  readonly op: 'add' | 'remove' | 'replace';
  /** Value before (absent for `add`). */
  readonly before?: unknown;
  /** Value after (absent for `remove`). */
  readonly after?: unknown;
}

const isPlainObject = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v);

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

function diffValues(a: unknown, b: unknown, path: string[], out: ProfileChange[]): void {
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      const inA = Object.hasOwn(a, k);
      const inB = Object.hasOwn(b, k);
      const p = [...path, k];
      if (inA && !inB) out.push({ path: jsonPointer(p), op: 'remove', before: a[k] });
      else if (!inA && inB) out.push({ path: jsonPointer(p), op: 'add', after: b[k] });
      else diffValues(a[k], b[k], p, out);
    }
    return;
  }
  if (!deepEqual(a, b)) out.push({ path: jsonPointer(path), op: 'replace', before: a, after: b });
}

/**
 * The differences from profile content `a` to `b`, sorted by path: objects
 * are compared key by key (an absent key is `add`/`remove`), other values as
 * a whole. Empty when the contents are deep-equal.
 *
 * @example
 * ```ts
 * diffProfiles(v1.content, v2.content) // [{ path: '/tiers', op: 'replace', before: ['desktop'], after: ['desktop', 'saas'] }]
 * ```
 */
export function diffProfiles(a: ProfileContent, b: ProfileContent): ProfileChange[] {
  const out: ProfileChange[] = [];
  diffValues(a, b, [], out);
  return out;
}

/** The version `version` of a history, or `PROFILE_NOT_FOUND`. */
export function findVersion(history: readonly ProfileVersion[], version: number): ProfileVersion {
  const found = history.find((v) => v.version === version);
  if (found === undefined) {
    const id = history[0]?.id ?? '?';
    throw new SdkError('PROFILE_NOT_FOUND', `profile "${id}" has no version ${version}`, {
      hint: `versions are 1..${history.length}; see \`deployment-manager profile history ${id}\``,
      details: { id, version },
    });
  }
  return found;
}

/**
 * The next version of a profile: full `content`, the next number, a note.
 * Pure: the caller supplies the time. The content is deep-copied so later
 * mutation of the input cannot reach the history.
 */
export function nextVersion(
  history: readonly ProfileVersion[],
  content: ProfileContent,
  note: string,
  createdAt: string,
  rollbackOf?: number,
): ProfileVersion {
  const latest = history[history.length - 1];
  if (latest === undefined) throw new SdkError('PROFILE_NOT_FOUND', 'an empty history has no next version', { hint: 'create the profile first' });
  return {
    id: latest.id,
    version: latest.version + 1,
    note,
    createdAt,
    content: structuredClone(content) as ProfileContent,
    ...(rollbackOf === undefined ? {} : { rollbackOf }),
  };
}

/**
 * The version a rollback to `version` appends: the exact content of that
 * version (every field, absent ones stay absent) as a new version. History is
 * never rewritten.
 *
 * @example
 * ```ts
 * const v4 = rollbackVersion(history, 2, 'back to the sqlite setup', now);
 * v4.content // deep-equals history[1].content
 * ```
 */
export function rollbackVersion(history: readonly ProfileVersion[], version: number, note: string, createdAt: string): ProfileVersion {
  const target = findVersion(history, version);
  return nextVersion(history, target.content, note, createdAt, version);
}

/** Changes to apply to a profile content; `null` removes an optional field or a map key. */
export interface ProfilePatch {
  /** New name. */
  readonly name?: string;
  /** New scenario. */
  readonly scenario?: string;
  /** New tiers (replaces the list). */
  readonly tiers?: ProfileContent['tiers'];
  /** New swaps (replaces the list). */
  readonly swaps?: ProfileContent['swaps'];
  /** New description, or null to remove it. */
  readonly description?: string | null;
  /** Secret choices to set (null removes the choice). */
  readonly secrets?: Readonly<Record<string, ProfileSecretChoice | null>>;
  /** Settings to set; keys listed in `unsetSettings` are removed. */
  readonly settings?: Readonly<Record<string, JsonValue>>;
  /** Setting keys to remove. */
  readonly unsetSettings?: readonly string[];
}

/**
 * Applies a patch to a profile content and returns a new content; the input
 * is not changed. Pure.
 *
 * @example
 * ```ts
 * applyProfilePatch(content, { tiers: ['desktop', 'saas'], settings: { version: '1.2.0' } })
 * ```
 */
export function applyProfilePatch(content: ProfileContent, patch: ProfilePatch): ProfileContent {
  const secrets: Record<string, ProfileSecretChoice> = { ...content.secrets };
  for (const [id, choice] of Object.entries(patch.secrets ?? {})) {
    if (choice === null) delete secrets[id];
    else secrets[id] = choice;
  }
  const settings: Record<string, JsonValue> = { ...content.settings, ...patch.settings };
  for (const key of patch.unsetSettings ?? []) delete settings[key];
  const { description: _old, ...rest } = content;
  const description = patch.description === undefined ? content.description : patch.description;
  return structuredClone({
    ...rest,
    ...(patch.name === undefined ? {} : { name: patch.name }),
    ...(patch.scenario === undefined ? {} : { scenario: patch.scenario }),
    ...(patch.tiers === undefined ? {} : { tiers: patch.tiers }),
    ...(patch.swaps === undefined ? {} : { swaps: patch.swaps }),
    secrets,
    settings,
    ...(description === undefined || description === null ? {} : { description }),
  }) as ProfileContent;
}
