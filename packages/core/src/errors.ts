/**
 * Every stable error code the SDK throws. Codes never change meaning once
 * published; tests and hosts match on them, never on message wording.
 */
export const SDK_ERROR_CODES = [
  'INVALID_ARGUMENT',
  'ROOT_NOT_FOUND',
  'SCENARIO_NOT_FOUND',
  'FILE_UNREADABLE',
  'FILE_WRITE_FAILED',
  'FILE_NOT_REGULAR',
  'FILE_TOO_LARGE',
  'PARSE_FAILED',
  'TIER_UNKNOWN',
  'GRAPH_CYCLE',
  'NODE_NOT_FOUND',
  'CATALOG_INVALID',
  'SWAP_INVALID',
  'SECRET_PLAN_INVALID',
  'SECRET_LEAK',
  'SECRET_STORE_FAILED',
  'GENERATOR_INVALID',
  'MANIFEST_INVALID',
  'EXPORT_MISMATCH',
  'PROFILE_NOT_FOUND',
  'PROFILE_CONFLICT',
  'PROFILE_STORE_FAILED',
  'PACKAGER_DUPLICATE',
  'PACKAGER_CHECK_FAILED',
  'PACKAGER_ABORTED',
  'PACKAGER_OUTPUT_ESCAPE',
  'EMIT_VALUE_INVALID',
  'JSON_NOT_I_JSON',
  'HTTP_CONNECTION_FAILED',
  'HTTP_TIMEOUT',
  'HTTP_STATUS',
  'HTTP_MALFORMED_JSON',
  'HTTP_UNEXPECTED_SHAPE',
  'HTTP_BODY_TOO_LARGE',
  'HTTP_NOT_CONFIGURED',
  'HTTP_ABORTED',
  'HTTP_REDIRECT_REFUSED',
  'HTTP_REDIRECT_LOOP',
  'PLAN_INVALID',
  'GUARDRAIL_EXCEEDED',
  'ASSET_INVALID',
  'GPU_UNAVAILABLE',
  'PORT_UNAVAILABLE',
  'SECRET_MISSING',
  'MIGRATION_FAILED',
  'SERVICE_FAILED',
  'RUNTIME_NOT_RUNNING',
  'PLAN_BLOCKED',
  'TOOL_MISSING',
  'DEPLOY_FAILED',
  'RELEASE_NOT_FOUND',
  'INTERNAL',
] as const;

/** A stable string identifying the kind of an {@link SdkError}. */
export type SdkErrorCode = (typeof SDK_ERROR_CODES)[number];

const FOOTPRINT = Symbol.for('deployment-manager.sdk-error');

/** Options accepted by the {@link SdkError} constructor. */
export interface SdkErrorOptions {
  /** What the caller should do about it. */
  readonly hint?: string;
  /** The underlying error, kept for debugging. */
  readonly cause?: unknown;
  /** Extra structured facts (file, url, id...). Never put secret values here. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * The one error class the SDK throws for expected failures: a stable `code`,
 * a lower-case message naming the offending value, and a `hint`.
 *
 * @example
 * ```ts
 * throw new SdkError('SCENARIO_NOT_FOUND', 'scenario "x" is not in the workspace', {
 *   hint: 'list scenarios with `deployment-manager graph --help`',
 * });
 * ```
 */
export class SdkError extends Error {
  /** Stable machine-readable code. */
  readonly code: SdkErrorCode;
  /** What to do about it. */
  readonly hint: string | undefined;
  /** Structured facts about the failure. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: SdkErrorCode, message: string, options: SdkErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SdkError';
    this.code = code;
    this.hint = options.hint;
    this.details = options.details ?? {};
    // A registered symbol survives duplicate installs of the package, unlike instanceof.
    Object.defineProperty(this, FOOTPRINT, { value: true, enumerable: false });
  }

  /** A plain JSON-safe view (no stack, no cause object). */
  toJSON(): { name: string; code: SdkErrorCode; message: string; hint?: string; details: Readonly<Record<string, unknown>> } {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      ...(this.hint === undefined ? {} : { hint: this.hint }),
      details: this.details,
    };
  }
}

/**
 * True when `value` is an {@link SdkError} (from any copy of this package),
 * optionally with the given code.
 *
 * @example
 * ```ts
 * try { loadWorkspace(dir) } catch (e) { if (isSdkError(e, 'ROOT_NOT_FOUND')) ... }
 * ```
 */
export function isSdkError(value: unknown, code?: SdkErrorCode): value is SdkError {
  if (typeof value !== 'object' || value === null) return false;
  if ((value as Record<symbol, unknown>)[FOOTPRINT] !== true) return false;
  return code === undefined || (value as SdkError).code === code;
}
