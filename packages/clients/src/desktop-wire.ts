import { z } from 'zod';
import { defined, optNumber, optString, optStrings } from './wire.ts';

/** The packager's answer to a generate request. */
export interface DesktopBuildStarted {
  /** Build id to poll. */
  readonly buildId: string;
  /** Initial status (`building`...). */
  readonly status: string;
  /** Where the wrapper is generated, when said. */
  readonly desktopPath?: string;
}

/** One platform's build result. */
export interface DesktopPlatformResult {
  /** `pending`, `building`, `success`, `failed`. */
  readonly status: string;
  /** Artifact path, when built. */
  readonly artifactPath?: string;
  /** Artifact size in bytes, when built. */
  readonly fileSize?: number;
}

/** A build's status as the packager reports it. */
export interface DesktopBuildStatus {
  /** Build id. */
  readonly buildId: string;
  /** Raw status (`building`, `ready`, `completed`, `success`, `failed`...). */
  readonly status: string;
  /** Platforms requested. */
  readonly platforms: readonly string[];
  /** Per-platform results. */
  readonly platformResults: Readonly<Record<string, DesktopPlatformResult>>;
  /** Artifact path per platform. */
  readonly artifacts: Readonly<Record<string, string>>;
  /** Output directory, when said. */
  readonly outputPath?: string;
  /** The packager's failure text, when failed (its own words; may be long). */
  readonly error?: string;
}

const StartedWire = z.object({ build_id: z.string().min(1), status: z.string(), desktop_path: optString });

/** Validates the answer to `POST /api/v1/desktop/generate/quick`. */
export const desktopBuildStartedSchema: z.ZodType<DesktopBuildStarted> = StartedWire.transform((w) => ({
  buildId: w.build_id,
  status: w.status,
  ...defined({ desktopPath: w.desktop_path }),
}));

const PlatformWire = z.object({ status: z.string(), artifact_path: optString, file_size: optNumber });

const StatusWire = z.object({
  build_id: z.string().min(1),
  status: z.string(),
  platforms: optStrings,
  platform_results: z.record(z.string(), PlatformWire.nullable()).nullish(),
  artifacts: z.record(z.string(), z.string()).nullish(),
  output_path: optString,
  error: optString,
});

/** Validates the answer to `GET /api/v1/desktop/status/{id}` (build logs are dropped). */
export const desktopBuildStatusSchema: z.ZodType<DesktopBuildStatus> = StatusWire.transform((w) => {
  const platformResults: Record<string, DesktopPlatformResult> = {};
  for (const [platform, r] of Object.entries(w.platform_results ?? {})) {
    if (r !== null) platformResults[platform] = { status: r.status, ...defined({ artifactPath: r.artifact_path, fileSize: r.file_size }) };
  }
  return {
    buildId: w.build_id,
    status: w.status,
    platforms: w.platforms ?? [],
    platformResults,
    artifacts: w.artifacts ?? {},
    ...defined({ outputPath: w.output_path, error: w.error === '' ? undefined : w.error }),
  };
});
