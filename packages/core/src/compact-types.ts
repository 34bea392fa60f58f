// The compact workspace format as TypeScript types: what `toCompactWorkspace`
// produces and what `parseCompactWorkspace` accepts (after validation).

/** A dependency with its flags, in a compact workspace. */
export interface CompactDependencyObject {
  /** Scenario or resource name. */
  readonly name: string;
  /** Default `resource`. */
  readonly kind?: 'resource' | 'scenario';
  /** Default true. */
  readonly required?: boolean;
  /** Default true. */
  readonly enabled?: boolean;
  /** Why it is needed. */
  readonly purpose?: string;
  /** Version or range. */
  readonly version?: string;
  /** Free-form extras, kept verbatim. */
  readonly attributes?: Readonly<Record<string, unknown>>;
}

/**
 * A dependency: the shorthand `postgres` / `resource:postgres` /
 * `scenario:auth` (required and enabled), or an object with flags.
 */
export type CompactDependency = string | CompactDependencyObject;

/** A port of a scenario's own services. */
export interface CompactPort {
  /** Environment variable that carries it. */
  readonly env?: string;
  /** Fixed port. */
  readonly port?: number;
  /** Allowed range, `low-high`. */
  readonly range?: string;
  /** Free text. */
  readonly description?: string;
}

/** A health check of a scenario's own services. */
export interface CompactHealthCheck {
  /** Check name. */
  readonly name: string;
  /** `http`, `tcp`, `command`... */
  readonly type: string;
  /** URL, path, host:port or command. */
  readonly target?: string;
  /** Default true. */
  readonly critical?: boolean;
  /** Timeout in milliseconds. */
  readonly timeoutMs?: number;
}

/** A secret a scenario needs, by name only. */
export interface CompactSecret {
  /** Secret id / environment variable name. */
  readonly name: string;
  /** Free text. */
  readonly description?: string;
  /** Default true. */
  readonly required?: boolean;
}

/** A scenario entry of a compact workspace. */
export interface CompactScenario {
  /** Display name. */
  readonly displayName?: string;
  /** One-line description. */
  readonly description?: string;
  /** Scenario version. */
  readonly version?: string;
  /** Ports by name. */
  readonly ports?: Readonly<Record<string, CompactPort>>;
  /** Health checks. */
  readonly health?: readonly CompactHealthCheck[];
  /** Dependencies in order. */
  readonly dependencies?: readonly CompactDependency[];
  /** Secrets it declares. */
  readonly secrets?: readonly CompactSecret[];
  /** Further environment variable names it reads. */
  readonly env?: readonly string[];
}

/** A resource entry of a compact workspace. */
export interface CompactResource {
  /** Resources (or scenarios) it needs. */
  readonly dependencies?: readonly CompactDependency[];
  /** Lower starts earlier. */
  readonly startupOrder?: number;
  /** Startup timeout in seconds. */
  readonly startupTimeoutSec?: number;
  /** Priority as declared. */
  readonly priority?: string;
  /** Free-form extras, kept verbatim. */
  readonly extras?: Readonly<Record<string, unknown>>;
}

/** An extra edge of a compact workspace: `from` depends on `to` (node ids). */
export interface CompactEdge {
  /** `scenario:<name>` or `resource:<name>`; must be declared in the file. */
  readonly from: string;
  /** `scenario:<name>` or `resource:<name>`. */
  readonly to: string;
  /** Default true. */
  readonly required?: boolean;
  /** Default true. */
  readonly enabled?: boolean;
  /** Why it is needed. */
  readonly purpose?: string;
  /** Version or range. */
  readonly version?: string;
  /** Free-form extras, kept verbatim. */
  readonly attributes?: Readonly<Record<string, unknown>>;
}

/** A whole compact workspace document (JSON or YAML). */
export interface CompactWorkspaceDocument {
  /** Editor hint; ignored. */
  readonly $schema?: string;
  /** Format version; always 1. */
  readonly version: 1;
  /** Scenarios by name. */
  readonly scenarios?: Readonly<Record<string, CompactScenario>>;
  /** Resources by name. */
  readonly resources?: Readonly<Record<string, CompactResource>>;
  /** Extra edges. */
  readonly edges?: readonly CompactEdge[];
}
