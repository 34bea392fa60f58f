import { TIERS, type Tier } from '@deployment-manager/core/pure';
import type { PromptSpec, RemoteRef, SecretTarget } from '@deployment-manager/secrets/pure';
import { z } from 'zod';
import { SECRET_CLASSES, jsonRecord, type SecretClass } from './manifest-common.ts';

/** Any JSON value. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A swap the profile chooses (the same shape as fitness's `SwapSpec`). */
export interface ProfileSwap {
  /** Dependency replaced (node id or name). */
  readonly from: string;
  /** Replacement (catalog name). */
  readonly to: string;
  /** Only on these tiers; absent = every tier of the profile. */
  readonly tiers?: readonly Tier[];
}

/**
 * How one secret is obtained in this profile (the fields of a secrets
 * `SecretOverride`, keyed by secret id in {@link ProfileContent.secrets}).
 * Choices only: a profile never holds a secret value.
 */
export interface ProfileSecretChoice {
  /** Pinned class. */
  readonly class?: SecretClass;
  /** Generator spec for `per_install_generated` (checked by the secrets planner). */
  readonly generator?: Readonly<Record<string, unknown>>;
  /** Prompt for `user_prompt`. */
  readonly prompt?: PromptSpec;
  /** Remote reference for `remote_fetch`. */
  readonly remote?: RemoteRef;
  /** Delivery targets. */
  readonly targets?: readonly SecretTarget[];
  /** Override requiredness. */
  readonly required?: boolean;
  /** Override the description. */
  readonly description?: string;
}

/** What a deployment profile says: the scenario, its tiers, and every decision taken for them. */
export interface ProfileContent {
  /** Human name. */
  readonly name: string;
  /** The scenario deployed. */
  readonly scenario: string;
  /** Target tiers (at least one). */
  readonly tiers: readonly Tier[];
  /** Swaps chosen. */
  readonly swaps: readonly ProfileSwap[];
  /** Secret choices by secret id. */
  readonly secrets: Readonly<Record<string, ProfileSecretChoice>>;
  /** Free settings (app version, port range, telemetry URL...). */
  readonly settings: Readonly<Record<string, JsonValue>>;
  /** Free text. */
  readonly description?: string;
}

/** One immutable version of a profile. Every change makes a new one. */
export interface ProfileVersion {
  /** Profile id (unique in its store). */
  readonly id: string;
  /** 1, 2, 3... with no gaps. */
  readonly version: number;
  /** Why this version exists. */
  readonly note: string;
  /** ISO-8601 time it was written (set by the store, the one clock reader). */
  readonly createdAt: string;
  /** The full content of this version (not a delta). */
  readonly content: ProfileContent;
  /** When this version is a rollback: the version whose content it restores. */
  readonly rollbackOf?: number;
}

/** A profile with its whole history, as exported and imported. */
export interface ProfileExport {
  /** Format tag. */
  readonly format: 'deployment-manager.profile';
  /** Format version. */
  readonly formatVersion: 1;
  /** Profile id. */
  readonly id: string;
  /** Every version, oldest first. */
  readonly versions: readonly ProfileVersion[];
}

/** Zod schema of {@link ProfileContent} (strict: a typo is an error, a `value` field is refused). */
export const profileContentSchema: z.ZodType<ProfileContent> = z
  .strictObject({
    name: z.string().min(1),
    scenario: z.string().min(1),
    tiers: z.array(z.enum(TIERS)).min(1),
    swaps: z.array(
      z.strictObject({ from: z.string().min(1), to: z.string().min(1), tiers: z.array(z.enum(TIERS)).exactOptional() }).meta({ id: 'profile_swap' }),
    ),
    secrets: jsonRecord(
      z
        .strictObject({
          class: z.enum(SECRET_CLASSES).exactOptional(),
          generator: jsonRecord(z.unknown()).exactOptional(),
          prompt: z
            .strictObject({ label: z.string().min(1), description: z.string().exactOptional(), format: z.string().exactOptional(), hint: z.string().exactOptional() })
            .exactOptional(),
          remote: z.strictObject({ key: z.string().min(1), property: z.string().exactOptional(), store: z.string().exactOptional() }).exactOptional(),
          targets: z.array(z.strictObject({ type: z.enum(['env', 'file']), name: z.string().min(1) })).exactOptional(),
          required: z.boolean().exactOptional(),
          description: z.string().exactOptional(),
        })
        .meta({ id: 'profile_secret_choice' }),
    ),
    settings: jsonRecord(z.json()),
    description: z.string().exactOptional(),
  })
  .meta({ id: 'profile_content' });

/** The pattern a profile id must match (it names a directory in the file store). */
export const PROFILE_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$';

/** Zod schema of {@link ProfileVersion}. */
export const profileVersionSchema: z.ZodType<ProfileVersion> = z
  .strictObject({
    id: z.string().regex(new RegExp(PROFILE_ID_PATTERN)),
    version: z.int().min(1),
    note: z.string(),
    createdAt: z.string().min(1),
    content: profileContentSchema,
    rollbackOf: z.int().min(1).exactOptional(),
  })
  .meta({ id: 'profile_version' });

/**
 * Zod schema of {@link ProfileExport}.
 *
 * @example
 * ```ts
 * profileExportSchema.parse(JSON.parse(text)).versions.length
 * ```
 */
export const profileExportSchema: z.ZodType<ProfileExport> = z
  .strictObject({
    format: z.literal('deployment-manager.profile'),
    formatVersion: z.literal(1),
    id: z.string().regex(new RegExp(PROFILE_ID_PATTERN)),
    versions: z.array(profileVersionSchema).min(1),
  })
  .meta({ title: 'Deployment profile export v1', description: 'A deployment profile with its whole version history.' });
