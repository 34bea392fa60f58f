import type { Tier } from '@deployment-manager/core/pure';
import type { GeneratorSpec, Hosting, PromptSpec, RemoteRef, SecretClass, SecretKind, SecretOrigin, SecretTarget } from './types.ts';

/** Conditions of a {@link ClassificationRule}; every given list must contain the secret's value. */
export interface RuleCondition {
  /** Tiers the rule applies to. */
  readonly tiers?: readonly Tier[];
  /** Secret kinds. */
  readonly kinds?: readonly SecretKind[];
  /** Owner hosting. */
  readonly hosting?: readonly Hosting[];
  /** Owner dependency names (catalog names). */
  readonly dependencies?: readonly string[];
  /** Root scenario names (for per-scenario rules). */
  readonly scenarios?: readonly string[];
  /** Secret origins. */
  readonly origins?: readonly SecretOrigin[];
  /** Exact secret ids. */
  readonly ids?: readonly string[];
}

/** A classification rule as data: the first rule whose condition matches decides the class. */
export interface ClassificationRule {
  /** Stable id, reported as the plan entry's `rule`. */
  readonly id: string;
  /** When it applies. */
  readonly when: RuleCondition;
  /** The class it assigns. */
  readonly class: SecretClass;
  /** Why (lower-case sentence, shown in plans). */
  readonly reason: string;
}

/** A well-known secret name an application declares for itself (`JWT_SECRET`). */
export interface AppSecretName {
  /** Exact environment variable name (case-insensitive match). */
  readonly name: string;
  /** What it is. */
  readonly kind: SecretKind;
  /** What it is for. */
  readonly description: string;
}

/** A heuristic for env-var names that look like secrets (`*_API_KEY`). */
export interface EnvNamePattern {
  /** `*_SUFFIX`: the name ends with the suffix after a non-empty prefix. */
  readonly pattern: `*${string}`;
  /** The kind a match probably is. */
  readonly kind: SecretKind;
}

/**
 * The secret policy the planner reads as data: how secrets are classified per tier,
 * generated, and recognized. Dependency facts (which secrets a dependency needs) are not
 * here - they are records of the dependency catalog (`@deployment-manager/catalog`).
 * Replace or extend any part.
 */
export interface SecretPolicy {
  /** Well-known application secret names. */
  readonly appSecrets: readonly AppSecretName[];
  /** Env-name heuristics, most specific first. */
  readonly envPatterns: readonly EnvNamePattern[];
  /** Classification rules, in order. */
  readonly rules: readonly ClassificationRule[];
  /** Default generator per kind (used when a requirement has none). */
  readonly generators: Readonly<Partial<Record<SecretKind, GeneratorSpec>>>;
}

/** A per-secret override: pins class, generator, prompt, remote or targets, optionally only for some scenarios or tiers. */
export interface SecretOverride {
  /** The secret id (a suggestion's id accepts the suggestion). */
  readonly id: string;
  /** Only for these root scenarios. */
  readonly scenarios?: readonly string[];
  /** Only on these tiers. */
  readonly tiers?: readonly Tier[];
  /** Pinned class. */
  readonly class?: SecretClass;
  /** Generator to use. */
  readonly generator?: GeneratorSpec;
  /** Prompt to use. */
  readonly prompt?: PromptSpec;
  /** Remote reference to use. */
  readonly remote?: RemoteRef;
  /** Targets to use instead of the default env target. */
  readonly targets?: readonly SecretTarget[];
  /** Override requiredness. */
  readonly required?: boolean;
  /** Override the description. */
  readonly description?: string;
}

/** User overrides for one planning run: extra rules tried before the catalog's, and per-secret pins. */
export interface ClassificationOverrides {
  /** Rules tried first, in order. */
  readonly rules?: readonly ClassificationRule[];
  /** Per-secret overrides; the first matching one per id applies. */
  readonly secrets?: readonly SecretOverride[];
}
