import { z } from 'zod';
import { defined, optBool, optNumber, optString } from './wire.ts';

/** One dependency edge as the analyzer's scan stored it. */
export interface AnalysisDependency {
  /** Dependency name. */
  readonly name: string;
  /** `resource`, `scenario` or `shared_workflow` as reported. */
  readonly type: string;
  /** Whether the scenario needs it. */
  readonly required: boolean;
  /** Declared purpose. */
  readonly purpose?: string;
  /** How the scenario reaches it (e.g. `resource_cli`). */
  readonly accessMethod?: string;
}

/** A scenario dependency as declared, per the scan. */
export interface DeclaredScenario {
  /** Whether the scenario needs it. */
  readonly required: boolean;
}

/** Names the scan found missing from, or extra to, the declarations. */
export interface AnalysisDrift {
  /** Used in code but not declared. */
  readonly missing: readonly string[];
  /** Declared but not found in code. */
  readonly extra: readonly string[];
}

/**
 * The analyzer's scan of one scenario (`GET /api/v1/analyze/{s}`), reduced to
 * the fields this SDK relies on.
 */
export interface AnalyzerAnalysis {
  /** The scenario analysed. */
  readonly scenario: string;
  /** Declared resource dependencies. */
  readonly resources: readonly AnalysisDependency[];
  /** Resources found by scanning code. */
  readonly detectedResources: readonly AnalysisDependency[];
  /** Scenario dependencies. */
  readonly scenarios: readonly AnalysisDependency[];
  /** Declared scenario dependencies with their `required` flag. */
  readonly declaredScenarios: Readonly<Record<string, DeclaredScenario>>;
  /** Resource drift between declarations and code. */
  readonly resourceDiff: AnalysisDrift;
  /** Scenario drift between declarations and code. */
  readonly scenarioDiff: AnalysisDrift;
  /** Depth of the transitive scan. */
  readonly transitiveDepth?: number;
}

const DepWire = z.object({
  dependency_name: z.string().min(1),
  dependency_type: z.string(),
  required: optBool,
  purpose: optString,
  access_method: optString,
});

const DriftWire = z.object({ missing: z.array(z.object({ name: z.string() })).nullish(), extra: z.array(z.object({ name: z.string() })).nullish() }).nullish();

const AnalysisWire = z.object({
  scenario: z.string().min(1),
  resources: z.array(DepWire).nullish(),
  detected_resources: z.array(DepWire).nullish(),
  scenarios: z.array(DepWire).nullish(),
  declared_scenarios: z.record(z.string(), z.object({ required: optBool })).nullish(),
  resource_diff: DriftWire,
  scenario_diff: DriftWire,
  transitive_depth: optNumber,
});

function dep(w: z.infer<typeof DepWire>): AnalysisDependency {
  return { name: w.dependency_name, type: w.dependency_type, required: w.required ?? false, ...defined({ purpose: w.purpose, accessMethod: w.access_method }) };
}

function drift(w: z.infer<typeof DriftWire>): AnalysisDrift {
  return { missing: (w?.missing ?? []).map((d) => d.name), extra: (w?.extra ?? []).map((d) => d.name) };
}

/** Validates an analyzer scan answer into an {@link AnalyzerAnalysis}. */
export const analyzerAnalysisSchema: z.ZodType<AnalyzerAnalysis> = AnalysisWire.transform((w) => {
  const declaredScenarios: Record<string, { required: boolean }> = {};
  for (const [name, spec] of Object.entries(w.declared_scenarios ?? {})) declaredScenarios[name] = { required: spec.required ?? false };
  return {
    scenario: w.scenario,
    resources: (w.resources ?? []).map(dep),
    detectedResources: (w.detected_resources ?? []).map(dep),
    scenarios: (w.scenarios ?? []).map(dep),
    declaredScenarios,
    resourceDiff: drift(w.resource_diff),
    scenarioDiff: drift(w.scenario_diff),
    ...defined({ transitiveDepth: w.transitive_depth }),
  };
});
