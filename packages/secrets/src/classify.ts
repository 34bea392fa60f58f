import type { Tier } from '@deployment-manager/core/pure';
import type { ClassificationOverrides, ClassificationRule, SecretOverride } from './policy-types.ts';
import type { Hosting, PlannedClass, SecretKind, SecretOrigin } from './types.ts';

/** What classification rules can see about one secret. */
export interface SecretFacts {
  /** Secret id. */
  readonly id: string;
  /** Tier being planned. */
  readonly tier: Tier;
  /** What the secret is. */
  readonly kind: SecretKind;
  /** Where its owner runs. */
  readonly hosting: Hosting;
  /** Catalog name of the owning dependency (absent for application secrets). */
  readonly dependency?: string;
  /** Root scenario name. */
  readonly scenario: string;
  /** Where it came from. */
  readonly origin: SecretOrigin;
}

/** The outcome of {@link classifySecret}: a class, the rule that decided it, and why. */
export interface Classification {
  /** The class, or `unclassified` when nothing matched. */
  readonly class: PlannedClass;
  /** Rule id, `override:<secret id>`, or `none`. */
  readonly rule: string;
  /** Lower-case sentence. */
  readonly reason: string;
}

const inList = <T>(list: readonly T[] | undefined, value: T | undefined): boolean =>
  list === undefined || (value !== undefined && list.includes(value));

/** True when every condition the rule states holds for the secret. */
export function ruleMatches(rule: ClassificationRule, facts: SecretFacts): boolean {
  const w = rule.when;
  return (
    inList(w.tiers, facts.tier) &&
    inList(w.kinds, facts.kind) &&
    inList(w.hosting, facts.hosting) &&
    inList(w.dependencies, facts.dependency) &&
    inList(w.scenarios, facts.scenario) &&
    inList(w.origins, facts.origin) &&
    inList(w.ids, facts.id)
  );
}

/**
 * Classifies one secret: the first matching rule wins; with no match the secret
 * is `unclassified`, which fails closed (never bundled, blocking). A secret of
 * kind `unknown` never matches a rule that lists kinds.
 *
 * @example
 * ```ts
 * classifySecret({ id: 'postgres.password', tier: 'desktop', kind: 'database-password',
 *   hosting: 'server-daemon', dependency: 'postgres', scenario: 'app', origin: 'catalog' }, DEFAULT_RULES)
 * // { class: 'infrastructure', rule: 'server-daemon-client-bundle', reason: '...' }
 * ```
 */
export function classifySecret(facts: SecretFacts, rules: readonly ClassificationRule[]): Classification {
  const rule = rules.find((r) => ruleMatches(r, facts));
  if (rule === undefined) {
    return { class: 'unclassified', rule: 'none', reason: `no classification rule matches secret "${facts.id}" (kind ${facts.kind}, ${facts.hosting}) on tier ${facts.tier}` };
  }
  return { class: rule.class, rule: rule.id, reason: rule.reason };
}

/** The first per-secret override that applies to this secret, scenario and tier. */
export function findOverride(overrides: ClassificationOverrides | undefined, id: string, scenario: string, tier: Tier): SecretOverride | undefined {
  return overrides?.secrets?.find((o) => o.id === id && inList(o.scenarios, scenario) && inList(o.tiers, tier));
}
