import type { Diagnostic, NodeId, Tier } from '@deployment-manager/core/pure';

/** The four secret classes, in the predecessor's spelling (bundle manifests use the same strings). */
export const SECRET_CLASSES = ['infrastructure', 'per_install_generated', 'user_prompt', 'remote_fetch'] as const;

/**
 * How a secret is obtained on a tier: `infrastructure` stays with the operator and is
 * never bundled, `per_install_generated` is made on first run, `user_prompt` is asked
 * from the user, `remote_fetch` is read from a remote secret store.
 */
export type SecretClass = (typeof SECRET_CLASSES)[number];

/** A planned secret's class, or `unclassified` when no rule matched (fails closed: never bundled, blocking). */
export type PlannedClass = SecretClass | 'unclassified';

export { SECRET_KINDS, type Hosting, type SecretKind } from '@deployment-manager/catalog';
import type { GeneratorSpec, Hosting, PromptSpec, SecretKind } from '@deployment-manager/catalog';

/** Where a planned secret came from: a dependency's catalog entry, a scenario's own declaration, or an accepted env-name suggestion. */
export type SecretOrigin = 'catalog' | 'declared' | 'suggested';

export type { CharsetName, GeneratorSpec, PromptSpec } from '@deployment-manager/catalog';

/** Where a secret's value goes inside the bundle: an environment variable, or a file path relative to the bundle root. */
export interface SecretTarget {
  /** `env` or `file` (the predecessor's manifest spelling). */
  readonly type: 'env' | 'file';
  /** Variable name, or a relative path that stays inside the bundle. */
  readonly name: string;
}

/** A reference into a remote secret store for a `remote_fetch` secret. */
export interface RemoteRef {
  /** Key (path) of the secret in the remote store. */
  readonly key: string;
  /** Property inside that remote secret, when it holds several. */
  readonly property?: string;
}

/** A swap that removes a secret from the plan, e.g. `postgres -> sqlite` on desktop. */
export interface SwapHint {
  /** Dependency swapped out. */
  readonly from: string;
  /** Dependency swapped in. */
  readonly to: string;
}

/** A consumer that reads a secret under an env name of its own. */
export interface SecretAlias {
  /** The consuming node. */
  readonly consumer: NodeId;
  /** The env name it reads. */
  readonly env: string;
}

/** One secret of a {@link SecretPlan}: what it is, how it is obtained on the plan's tier, and where it goes. */
export interface PlannedSecret {
  /** Stable id: `<dependency>.<key>` for catalog secrets, `<scenario>.<NAME>` for declared or suggested ones. */
  readonly id: string;
  /** The class on this tier, or `unclassified`. */
  readonly class: PlannedClass;
  /** What it is. */
  readonly kind: SecretKind;
  /** Where its owner runs. */
  readonly hosting: Hosting;
  /** Where it came from. */
  readonly origin: SecretOrigin;
  /** True when it was found by the env-name heuristic and accepted by an override. */
  readonly suggested: boolean;
  /** Node ids that own or declare it (sorted). */
  readonly sources: readonly NodeId[];
  /** Node ids of the services that read it (sorted). */
  readonly consumers: readonly NodeId[];
  /** What it is for (never a value). */
  readonly description: string;
  /** The deployment cannot start without it. */
  readonly required: boolean;
  /** How to make it, for `per_install_generated`. */
  readonly generator?: GeneratorSpec;
  /** How to ask for it, for `user_prompt`. */
  readonly prompt?: PromptSpec;
  /** Where to fetch it, for `remote_fetch`. */
  readonly remote?: RemoteRef;
  /** Where it goes in the bundle; empty for `infrastructure` and `unclassified`. */
  readonly targets: readonly SecretTarget[];
  /** Consumers that read it under another env name than its target (minio reads its access key as `MINIO_ROOT_USER`). */
  readonly aliases?: readonly SecretAlias[];
  /** Id of the rule or override that decided the class, or `none`. */
  readonly rule: string;
  /** Why it has this class (lower-case sentence). */
  readonly reason: string;
  /** Swaps that would remove it on this tier. */
  readonly removedBy: readonly SwapHint[];
}

/** An env-var name that looks like a secret but is not known: reported, never planned unless an override accepts it. */
export interface SuggestedSecret {
  /** The id it would get if accepted (`<scenario>.<NAME>`). */
  readonly id: string;
  /** The variable name. */
  readonly env: string;
  /** The scenario node that references it. */
  readonly source: NodeId;
  /** The heuristic pattern that matched (e.g. `*_API_KEY`). */
  readonly pattern: string;
  /** What kind it probably is. */
  readonly kind: SecretKind;
}

/** The services that read secrets: one entry per consumer node, secret ids sorted. */
export interface SecretUsage {
  /** The consuming node. */
  readonly service: NodeId;
  /** Ids of the secrets it reads. */
  readonly secrets: readonly string[];
}

/** Every secret a graph needs on one tier, classified, with what blocks the bundle. */
export interface SecretPlan {
  /** The tier planned for. */
  readonly tier: Tier;
  /** The graph's root scenario. */
  readonly root: NodeId;
  /** Planned secrets, sorted by id. */
  readonly secrets: readonly PlannedSecret[];
  /** Which service reads which secret, sorted by service id. */
  readonly usage: readonly SecretUsage[];
  /** Env-var names that look like secrets but are not planned. */
  readonly suggestions: readonly SuggestedSecret[];
  /** Errors that block a bundle (unclassified, required infrastructure, broken specs...). */
  readonly blockers: readonly Diagnostic[];
  /** Warnings and notes (remote fetch needs network, unknown dependencies, suggestions...). */
  readonly warnings: readonly Diagnostic[];
}
