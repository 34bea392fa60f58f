import { jsonPointer, type Diagnostic, type PackagerNote } from '@deployment-manager/core';
import { prettyJson, type MobileManifest } from '@deployment-manager/bundle';
import { checkAppId } from './app-id.ts';
import { createCapacitorConfig, type CapacitorConfigJson } from './capacitor-config.ts';
import { validateMobileArtifact } from './artifact-schemas.ts';
import { renderNextSteps } from './next-steps.ts';
import { mobileNotes } from './notes.ts';
import type { MobilePackagerOptions } from './options.ts';
import { backendOf } from './placement.ts';
import { createRuntimeConfig, type RuntimeConfig } from './runtime-config.ts';
import { planMobileSecrets, type MobileSecretPlan } from './secret-plan.ts';
import { renderServerSideMoves, type ServerSideMoves } from './server-side-moves.ts';
import { mobileDiagnostic } from './diagnostic-codes.ts';

/** One file the mobile packager writes. */
export interface MobileFile {
  /** Path relative to the output directory. */
  readonly path: string;
  /** Text content. */
  readonly content: string;
  /** IANA media type. */
  readonly mediaType: string;
}

/** Everything the mobile packager would write for a manifest, and what is wrong with it. */
export interface MobilePlan {
  /** Files, sorted by path. */
  readonly files: readonly MobileFile[];
  /** What Capacitor cannot express. */
  readonly notes: readonly PackagerNote[];
  /** Findings beyond the manifest's own validation (errors block packing). */
  readonly issues: readonly Diagnostic[];
  /** `capacitor.config.json`. */
  readonly config: CapacitorConfigJson;
  /** `runtime-config.json`. */
  readonly runtime: RuntimeConfig;
  /** `server-side-moves.json`. */
  readonly moves: ServerSideMoves;
  /** `secret-plan.mobile.json`. */
  readonly secrets: MobileSecretPlan;
}

/** The file names the mobile packager writes. */
export const MOBILE_FILES: {
  /** The Capacitor configuration. */
  readonly capacitorConfig: 'capacitor.config.json';
  /** Public runtime configuration. */
  readonly runtimeConfig: 'runtime-config.json';
  /** Dependencies that run off the device. */
  readonly serverSideMoves: 'server-side-moves.json';
  /** The mobile secret plan. */
  readonly secretPlan: 'secret-plan.mobile.json';
  /** Human next steps. */
  readonly nextSteps: 'NEXT-STEPS.md';
} = {
  capacitorConfig: 'capacitor.config.json',
  runtimeConfig: 'runtime-config.json',
  serverSideMoves: 'server-side-moves.json',
  secretPlan: 'secret-plan.mobile.json',
  nextSteps: 'NEXT-STEPS.md',
};

/**
 * Plans the mobile artifacts of a (valid) mobile manifest without writing
 * anything: renders where the manifest places each dependency (the
 * assembly decided it, with the fitness reasons and hosted replacements)
 * and which secrets stay on servers, builds the Capacitor configuration,
 * checks the app id, dependencies placed nowhere and the device secrets,
 * validates every JSON artifact against its committed schema, and collects
 * the notes. It scores, swaps and plans nothing again. Pure apart from
 * reading the committed schemas once.
 *
 * @example
 * ```ts
 * const plan = planMobile(manifest, { appName: 'Picker Wheel' });
 * plan.moves.moves.map((m) => `${m.dependency} -> ${m.replacement?.name ?? 'self-hosted'}`);
 * ```
 */
export function planMobile(manifest: MobileManifest, options: MobilePackagerOptions = {}): MobilePlan {
  const issues: Diagnostic[] = [];
  const config = createCapacitorConfig(manifest, options);
  issues.push(...checkAppId(config.appId, manifest.platforms, options.appId === undefined ? '/app_id' : '/options/appId'));
  const backend = backendOf(manifest);
  for (const [i, p] of (manifest.placements ?? []).entries()) {
    if (p.kind !== 'unplaced') continue;
    const runs = p.swapped_to === undefined ? `"${p.dependency}"` : `"${p.dependency}" (swapped for ${p.swapped_to})`;
    const hosted = [p.replacement, ...p.alternatives].filter((r) => r?.hosted === true).map((r) => r?.name);
    const message = p.must_move
      ? `dependency ${runs} cannot run on a phone${p.required ? '' : ' (optional: the app must do without it)'}, and the manifest puts it on no server`
      : `dependency ${runs} is neither embedded nor on a server; it is assumed to be compiled into the app`;
    issues.push(
      mobileDiagnostic('MOBILE_DEPENDENCY_UNPLACED', message, {
        path: jsonPointer(['placements', i]),
        hint: `add a remote service that provides it, a backend remote service for the scenario, or an embedded entry${hosted.length > 0 ? `; hosted replacements: ${hosted.join(', ')}` : ''}`,
        severity: p.must_move && p.required ? 'error' : 'warning',
      }),
    );
  }
  const mobileSecrets = planMobileSecrets({ manifest, appId: config.appId, backend, secretStore: options.secretStore });
  issues.push(...mobileSecrets.issues);
  const moves = renderServerSideMoves(manifest, config.appId, backend);
  const runtime = createRuntimeConfig(manifest);
  const notes = mobileNotes(manifest, mobileSecrets.plan);
  const files: MobileFile[] = [
    { path: MOBILE_FILES.nextSteps, content: renderNextSteps({ manifest, config, runtime, moves, secrets: mobileSecrets.plan, notes }), mediaType: 'text/markdown' },
    { path: MOBILE_FILES.capacitorConfig, content: `${JSON.stringify(config, null, 2)}\n`, mediaType: 'application/json' },
    { path: MOBILE_FILES.runtimeConfig, content: prettyJson(runtime), mediaType: 'application/json' },
    { path: MOBILE_FILES.secretPlan, content: prettyJson(mobileSecrets.plan), mediaType: 'application/json' },
    { path: MOBILE_FILES.serverSideMoves, content: prettyJson(moves), mediaType: 'application/json' },
  ];
  // Every JSON artifact is checked against its committed schema before anything is written.
  for (const f of files) if (f.mediaType === 'application/json') issues.push(...validateMobileArtifact(f.path, JSON.parse(f.content)));
  return { files, notes, issues, config, runtime, moves, secrets: mobileSecrets.plan };
}
