// The export wizard: tier -> swaps -> secrets review -> validate -> the
// canonical manifest to download with its SHA-256, and packaging through the
// server with live progress. Assembly and validation run in the page.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { assembleScenario, canonicalJson, targetOfTier } from '@deployment-manager/bundle/pure';
import type { InclusionPolicy, Tier, Workspace } from '@deployment-manager/core/pure';
import type { SwapSpec } from '@deployment-manager/fitness';
import type { PackageEvent } from '../../src/wire-types.ts';
import { followPackageJob, postJson } from '../api.ts';
import { manifestFile, type ManifestFile } from '../download.ts';
import { secretPlanFor, type ScenarioModel, type TierView } from '../model.ts';
import { SecretTable } from './secret-table.tsx';
import { SwapToggles } from './swap-toggles.tsx';

const STEPS = ['Tier', 'Swaps', 'Secrets', 'Validate', 'Download'] as const;
const EXPORT_TIERS: readonly Tier[] = ['desktop', 'mobile', 'saas', 'enterprise'];

interface WizardProps {
  model: ScenarioModel;
  views: Readonly<Record<Tier, TierView>>;
  initialTier: Tier;
  onSwaps: (tier: Tier, swaps: readonly SwapSpec[]) => void;
  policy: InclusionPolicy;
  workspace: Workspace;
}

/** The export wizard. */
export function ExportWizard({ model, views, initialTier, onSwaps, policy, workspace }: WizardProps) {
  const [step, setStep] = useState(0);
  const [tier, setTier] = useState<Tier>(EXPORT_TIERS.includes(initialTier) ? initialTier : 'desktop');
  const view = views[tier];
  const plan = useMemo(() => secretPlanFor(model, view), [model, view]);
  const assembly = useMemo(
    () => (step >= 3 ? assembleScenario(workspace, model.scenario, { tier, swaps: view.swaps, policy }) : null),
    [step >= 3, workspace, model.scenario, tier, view.swaps, policy],
  );
  const ok = assembly?.result.ok === true;
  const next = step === 3 ? ok : step < STEPS.length - 1;
  return (
    <section class="panel wizard" aria-label="export wizard">
      <h2>Export a manifest</h2>
      <ol class="steps">
        {STEPS.map((s, i) => (
          <li key={s} aria-current={i === step ? 'step' : undefined} class={i === step ? 'current' : i < step ? 'done' : ''}>
            {i + 1}. {s}
          </li>
        ))}
      </ol>
      <div class="step" data-testid={`wizard-step-${step + 1}`}>
        {step === 0 && (
          <fieldset>
            <legend>Which tier do you ship?</legend>
            {EXPORT_TIERS.map((t) => (
              <label key={t} class="radio">
                <input type="radio" name="tier" value={t} checked={t === tier} data-testid={`wizard-tier-${t}`} onChange={() => setTier(t)} />
                {t} <span class="muted">(score {views[t].score}, {targetOfTier(t)} manifest)</span>
              </label>
            ))}
          </fieldset>
        )}
        {step === 1 && (
          <>
            <p>
              Swaps on {tier}: score {view.score} (without swaps {model.report.tiers[tier]?.score}).
            </p>
            <SwapToggles model={model} view={view} onChange={(s) => onSwaps(tier, s)} />
          </>
        )}
        {step === 2 && <SecretTable plan={plan} />}
        {step === 3 && assembly !== null && (
          <div data-testid="wizard-validation">
            <p class={ok ? 'ok' : 'error'}>{ok ? `the ${targetOfTier(tier)} manifest is valid` : 'the manifest has errors; go back and change the swaps'}</p>
            <ul>
              {assembly.result.diagnostics.map((d, i) => (
                <li key={i}>
                  <b>{d.severity}</b> {d.code}
                  {d.path === '' ? '' : ' at '}
                  {d.path !== '' && <code>{d.path}</code>}: {d.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {step === 4 && assembly !== null && ok && <Download scenario={model.scenario} tier={tier} swaps={view.swaps} manifest={assembly.result.manifest} />}
      </div>
      <div class="wizard-nav">
        <button type="button" data-testid="wizard-back" disabled={step === 0} onClick={() => setStep(step - 1)}>
          Back
        </button>
        {step < STEPS.length - 1 && (
          <button type="button" data-testid="wizard-next" disabled={!next} onClick={() => setStep(step + 1)}>
            Next
          </button>
        )}
      </div>
    </section>
  );
}

function Download({ scenario, tier, swaps, manifest }: { scenario: string; tier: Tier; swaps: readonly SwapSpec[]; manifest: unknown }) {
  const [file, setFile] = useState<ManifestFile | null>(null);
  const [events, setEvents] = useState<readonly PackageEvent[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let url: string | null = null;
    manifestFile(canonicalJson(manifest))
      .then((f) => {
        url = f.url;
        setFile(f);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    return () => {
      if (url !== null) URL.revokeObjectURL(url);
    };
  }, [manifest]);
  const target = targetOfTier(tier);
  const pack = (): void => {
    setEvents([]);
    setError(null);
    postJson<{ job: string }>('api/package', { scenario, tier, swaps, target })
      .then(({ job }) => followPackageJob(job, (e) => setEvents((prev) => [...prev, e])))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  const last = events[events.length - 1];
  const progress = [...events].reverse().find((e) => e.progress !== undefined)?.progress ?? 0;
  return (
    <div>
      {file === null ? (
        <p>hashing...</p>
      ) : (
        <>
          <p>
            SHA-256 of the canonical manifest: <code data-testid="manifest-sha256">{file.sha256}</code>
          </p>
          <a class="button" href={file.url} download={`bundle.${tier}.json`} data-testid="manifest-download">
            Download bundle.{tier}.json ({file.bytes.length} bytes)
          </a>
        </>
      )}
      <h3>Package for {target}</h3>
      <button type="button" data-testid="package-start" disabled={last !== undefined && last.stage !== 'done' && last.stage !== 'failed'} onClick={pack}>
        Package with the {target} packager
      </button>
      {events.length > 0 && (
        <div data-testid="package-progress">
          <progress max={1} value={progress} aria-label="packaging progress" />
          <ol class="log">
            {events.map((e) => (
              <li key={e.seq}>
                {e.stage}: {e.message}
              </li>
            ))}
          </ol>
          {last?.stage === 'done' && (
            <table data-testid="package-artifacts">
              <caption>artifacts in {last.outDir}</caption>
              <thead>
                <tr>
                  <th scope="col">path</th>
                  <th scope="col">bytes</th>
                  <th scope="col">sha256</th>
                </tr>
              </thead>
              <tbody>
                {(last.artifacts ?? []).map((a) => (
                  <tr key={a.path}>
                    <td>{a.path}</td>
                    <td>{a.bytes}</td>
                    <td>
                      <code>{a.sha256.slice(0, 16)}…</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      {error !== null && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}
