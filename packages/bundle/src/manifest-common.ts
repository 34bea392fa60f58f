import { ENV_NAME_PATTERN } from '@deployment-manager/core/pure';
import { z } from 'zod';

/*
 * Building blocks shared by every manifest target (desktop, cloud, mobile).
 * Field names are snake_case because the desktop format is the predecessor's
 * published `bundle.json` contract; cloud and mobile follow the same spelling
 * so one reader handles all three. Objects are strict: an unknown key is a
 * schema error, never silently dropped. Optional fields are exact: a key is
 * either absent or holds a value of its type.
 */

/** The manifest format version every target currently writes. */
export const MANIFEST_SCHEMA_VERSION = 'v0.1' as const;

/** The secret classes a manifest may carry (see `@deployment-manager/secrets`). */
export const SECRET_CLASSES = ['infrastructure', 'per_install_generated', 'user_prompt', 'remote_fetch'] as const;

/** A secret class: how a secret is obtained on the target. */
export type SecretClass = (typeof SECRET_CLASSES)[number];

/** An inclusive TCP port range. Sanity (1..65535, min <= max) is a semantic check. */
export interface PortRange {
  /** Lowest port, inclusive. */
  readonly min: number;
  /** Highest port, inclusive. */
  readonly max: number;
}

/** Zod schema of {@link PortRange}. */
export const portRangeSchema: z.ZodType<PortRange> = z
  .strictObject({ min: z.int(), max: z.int() })
  .meta({ id: 'port_range', description: 'Inclusive port range.' });

/**
 * A string-keyed map of `value`s. Unlike a bare `z.record`, which silently
 * drops an own `__proto__` key, this refuses it - and its JSON Schema says
 * so - so zod and ajv agree and nothing is stripped behind the user's back.
 */
export function jsonRecord<T extends z.ZodType>(value: T): z.ZodType<Readonly<Record<string, z.output<T>>>> {
  return z
    .preprocess((input, ctx) => {
      if (typeof input === 'object' && input !== null && Object.hasOwn(input, '__proto__')) {
        ctx.addIssue({ code: 'custom', message: '"__proto__" is not an allowed key', path: ['__proto__'], input });
      }
      return input;
    }, z.record(z.string(), value))
    .meta({ propertyNames: { not: { const: '__proto__' } } }) as unknown as z.ZodType<Readonly<Record<string, z.output<T>>>>;
}

/** Zod schema of a free-form JSON object (`metadata`, secret `generator`). */
export const freeObjectSchema: z.ZodType<Readonly<Record<string, unknown>>> = jsonRecord(z.unknown());

/** Zod schema of a string-to-string environment map. */
export const envMapSchema: z.ZodType<Readonly<Record<string, string>>> = jsonRecord(z.string());

/** The application a manifest ships. */
export interface ManifestApp {
  /** Technical name (usually the scenario name). */
  readonly name: string;
  /** Application version. */
  readonly version: string;
  /** One-line description. */
  readonly description?: string;
  /** The scenario the manifest was assembled from. */
  readonly scenario?: string;
}

/** Zod schema of {@link ManifestApp}. */
export const appSchema: z.ZodType<ManifestApp> = z
  .strictObject({
    name: z.string().min(1),
    version: z.string().min(1),
    description: z.string().exactOptional(),
    scenario: z.string().exactOptional(),
  })
  .meta({ id: 'app', description: 'The application identity.' });

/** A dependency swap applied to produce a manifest (`postgres -> sqlite`). */
export interface ManifestSwap {
  /** The dependency that was replaced. */
  readonly original: string;
  /** What replaced it. */
  readonly replacement: string;
  /** Why. */
  readonly reason?: string;
  /** What the replacement cannot do. */
  readonly limitations?: string;
}

/** Zod schema of {@link ManifestSwap}. */
export const swapSchema: z.ZodType<ManifestSwap> = z
  .strictObject({
    original: z.string().min(1),
    replacement: z.string().min(1),
    reason: z.string().exactOptional(),
    limitations: z.string().exactOptional(),
  })
  .meta({ id: 'swap', description: 'A dependency replaced for this target.' });

/** How a secret is asked from the user: labels only, never a value. */
export interface SecretPrompt {
  /** Short label. */
  readonly label?: string;
  /** Longer explanation. */
  readonly description?: string;
  /** Where to find the value. */
  readonly hint?: string;
}

const secretPromptSchema: z.ZodType<SecretPrompt> = z
  .strictObject({ label: z.string().exactOptional(), description: z.string().exactOptional(), hint: z.string().exactOptional() })
  .meta({ id: 'secret_prompt' });

/** Where a secret value is delivered on the target. */
export interface SecretTarget<T extends string = string> {
  /** Delivery kind (`env`, `file`, `secure_storage`). */
  readonly type: T;
  /** Variable name, file path or storage key. */
  readonly name: string;
}

/**
 * A secret the application needs: how it is obtained (`class`) and where it is
 * delivered (`target`). A manifest never holds a secret value.
 */
export interface ManifestSecret<T extends string = 'env' | 'file'> {
  /** Secret id, referenced by services' `secrets`. */
  readonly id: string;
  /** How the value is obtained. */
  readonly class: SecretClass;
  /** Free text. */
  readonly description?: string;
  /** A regular expression every value must match. */
  readonly format?: string;
  /** Whether the application cannot start without it. */
  readonly required?: boolean;
  /** Prompt labels (class `user_prompt`). */
  readonly prompt?: SecretPrompt;
  /** Generator spec (class `per_install_generated`), e.g. `{ type: 'random', length: 32, charset: 'alnum' }`. */
  readonly generator?: Readonly<Record<string, unknown>>;
  /** Delivery target. */
  readonly target: SecretTarget<T>;
  /**
   * Services that read it under an env name of their own (service id -> env name), for an
   * `env` target: the dependency itself reads what its official image expects (minio reads
   * its access key as `MINIO_ROOT_USER` while the app reads `MINIO_ACCESS_KEY`).
   */
  readonly service_env?: Readonly<Record<string, string>>;
  /** Durable backend-neutral name (predecessor field). */
  readonly logical_id?: string;
  /** Durable field name (predecessor field). */
  readonly field?: string;
}

/** Builds the secret schema for a set of allowed delivery kinds. */
export function secretSchemaFor<T extends string>(targetTypes: readonly [T, ...T[]], id: string): z.ZodType<ManifestSecret<T>> {
  return z
    .strictObject({
      id: z.string().min(1),
      class: z.enum(SECRET_CLASSES),
      description: z.string().exactOptional(),
      format: z.string().exactOptional(),
      required: z.boolean().exactOptional(),
      prompt: secretPromptSchema.exactOptional(),
      generator: freeObjectSchema.exactOptional(),
      target: z.strictObject({ type: z.enum(targetTypes as unknown as readonly [T, ...T[]]), name: z.string().min(1) }),
      service_env: z.record(z.string().min(1), z.string().regex(new RegExp(ENV_NAME_PATTERN))).exactOptional(),
      logical_id: z.string().exactOptional(),
      field: z.string().exactOptional(),
    })
    .meta({ id, description: 'A secret: how it is obtained and where it is delivered. Never a value.' }) as unknown as z.ZodType<ManifestSecret<T>>;
}

/** Zod schema of a desktop or cloud secret (delivered as `env` or `file`). */
export const secretSchema: z.ZodType<ManifestSecret> = secretSchemaFor(['env', 'file'], 'secret');

/** Health check kinds a runtime knows. */
export const HEALTH_TYPES = ['http', 'tcp', 'command', 'log_match'] as const;

/** How a runtime checks a service is healthy. */
export interface HealthCheck {
  /** Check kind. */
  readonly type: (typeof HEALTH_TYPES)[number];
  /** HTTP path (type `http`). */
  readonly path?: string;
  /** The service's port to probe (types `http`, `tcp`). */
  readonly port_name?: string;
  /** Command and arguments (type `command`). */
  readonly command?: readonly string[];
  /** Interval between probes. */
  readonly interval_ms?: number;
  /** Probe timeout. */
  readonly timeout_ms?: number;
  /** Failures tolerated before the service is unhealthy. */
  readonly retries?: number;
}

/** Zod schema of {@link HealthCheck}. */
export const healthSchema: z.ZodType<HealthCheck> = z
  .strictObject({
    type: z.enum(HEALTH_TYPES),
    path: z.string().exactOptional(),
    port_name: z.string().exactOptional(),
    command: z.array(z.string()).exactOptional(),
    interval_ms: z.int().min(0).exactOptional(),
    timeout_ms: z.int().min(0).exactOptional(),
    retries: z.int().min(0).exactOptional(),
  })
  .meta({ id: 'health' });

/** Readiness kinds a runtime knows. */
export const READINESS_TYPES = ['health_success', 'port_open', 'log_match', 'dependencies_ready'] as const;

/** When a service counts as ready for its dependents. */
export interface ReadinessCheck {
  /** Readiness kind. */
  readonly type: (typeof READINESS_TYPES)[number];
  /** The port that must accept connections (type `port_open`). */
  readonly port_name?: string;
  /** A log line regular expression (type `log_match`). */
  readonly pattern?: string;
  /** How long to wait. */
  readonly timeout_ms?: number;
}

/** Zod schema of {@link ReadinessCheck}. */
export const readinessSchema: z.ZodType<ReadinessCheck> = z
  .strictObject({
    type: z.enum(READINESS_TYPES),
    port_name: z.string().exactOptional(),
    pattern: z.string().exactOptional(),
    timeout_ms: z.int().min(0).exactOptional(),
  })
  .meta({ id: 'readiness' });
