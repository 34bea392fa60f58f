/*
 * What a compose host needs to know of the environment it is rendered for:
 * its name (file names, project name) and which env keys the environment
 * sets (the compose target's override repeats only those). Replicas, resources, ingress and
 * the env values themselves come from the manifest, which the caller (the
 * planner) has already overlaid with the environment.
 */

/** Env keys an environment sets on a group of services. */
export interface HostEnvOverride {
  /** Environment variables (configuration only, never secret values). */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * The environment a compose host is rendered for. The planner's
 * `EnvironmentOverlay` is one.
 */
export interface HostEnvironment {
  /** Name (`production`, `staging`...): lower-case letters, digits and dashes. */
  readonly name: string;
  /** Env keys set on every app service. */
  readonly apps?: HostEnvOverride;
  /** Env keys set per service id. */
  readonly services?: Readonly<Record<string, HostEnvOverride>>;
}
