import { SdkError, type DeploymentReportResult } from '@deployment-manager/core';
import { analyzerAnalysisSchema, type AnalyzerAnalysis } from './analyzer-analysis.ts';
import { dagExportSchema, deploymentReportSchema, type AnalyzerDagExport } from './analyzer-report.ts';
import type { Fresh } from './cache.ts';
import type { CallOptions, ClientOptions } from './client-options.ts';
import { cacheKey } from './fingerprint.ts';
import { cacheFor, timestampOf, type FreshnessOptions } from './freshness.ts';
import { buildUrl, createHttpClient } from './http.ts';
import { redactUrl } from './redact.ts';

/** Options of {@link createAnalyzerClient}. */
export interface AnalyzerClientOptions extends ClientOptions, FreshnessOptions {}

/** Per-call options of the analyzer client. */
export interface AnalyzerCallOptions extends CallOptions {
  /** Ask the analyzer to recompute (`?refresh=true`) and bypass the cache. */
  readonly refresh?: boolean;
}

/** Typed client of the predecessor's dependency analyzer (scenario-dependency-analyzer). */
export interface AnalyzerClient {
  /** The resolved base URL. */
  readonly baseUrl: string;
  /** `GET /api/v1/scenarios/{s}/deployment`: the deployment report, dated by its `generated_at`. */
  deploymentReport(scenario: string, options?: AnalyzerCallOptions): Promise<Fresh<DeploymentReportResult>>;
  /** `GET /api/v1/scenarios/{s}/dag/export?recursive=true`: the dependency tree, dated. */
  dagExport(scenario: string, options?: AnalyzerCallOptions): Promise<Fresh<AnalyzerDagExport>>;
  /** `GET /api/v1/analyze/{s}`: the scan of declared and detected dependencies (not cached: it is the scan itself). */
  analyze(scenario: string, options?: CallOptions): Promise<AnalyzerAnalysis>;
}

/** Checks a scenario name and returns its path segment. */
export function scenarioSegment(scenario: string): string {
  if (typeof scenario !== 'string' || scenario.trim() === '' || scenario.length > 200) {
    throw new SdkError('INVALID_ARGUMENT', `scenario name "${String(scenario).slice(0, 200)}" is not usable`, { hint: 'pass a non-empty scenario name such as picker-wheel' });
  }
  return encodeURIComponent(scenario);
}

/**
 * Creates the analyzer client. Base URL from `baseUrl` or `ANALYZER_BASE_URL`.
 *
 * @example
 * ```ts
 * const analyzer = createAnalyzerClient({ baseUrl: 'http://127.0.0.1:8080', cache: createFreshnessCache() });
 * const { value: report, stale, ageMs } = await analyzer.deploymentReport('picker-wheel');
 * ```
 */
export function createAnalyzerClient(options: AnalyzerClientOptions = {}): AnalyzerClient {
  const http = createHttpClient('analyzer', options);
  const cache = cacheFor(options);
  const inputs = (endpoint: string): unknown => ({ service: 'analyzer', baseUrl: http.baseUrl, endpoint });
  return {
    baseUrl: http.baseUrl,
    deploymentReport: async (scenario, call = {}) => {
      const path = `/api/v1/scenarios/${scenarioSegment(scenario)}/deployment`;
      return cache.load(
        cacheKey(scenario, inputs('deployment')),
        async () => {
          const schema = deploymentReportSchema(redactUrl(buildUrl(http.baseUrl, path)), scenario);
          const value = await http.getJson(path, schema, { ...signalOf(call), ...(call.refresh === true ? { searchParams: { refresh: true } } : {}) });
          return { value, ...producedAt(value.report.generatedAt) };
        },
        call.refresh === true ? 'always' : 'never',
      );
    },
    dagExport: async (scenario, call = {}) => {
      const path = `/api/v1/scenarios/${scenarioSegment(scenario)}/dag/export`;
      return cache.load(
        cacheKey(scenario, inputs('dag-export')),
        async () => {
          const schema = dagExportSchema(redactUrl(buildUrl(http.baseUrl, path)), scenario);
          const value = await http.getJson(path, schema, { ...signalOf(call), searchParams: { recursive: true, ...(call.refresh === true ? { refresh: true } : {}) } });
          return { value, ...producedAt(value.generatedAt) };
        },
        call.refresh === true ? 'always' : 'never',
      );
    },
    analyze: async (scenario, call = {}) => http.getJson(`/api/v1/analyze/${scenarioSegment(scenario)}`, analyzerAnalysisSchema, signalOf(call)),
  };
}

/** `{ signal }` when the call has one (exactOptionalPropertyTypes-friendly). */
export function signalOf(call: CallOptions): { signal?: AbortSignal } {
  return call.signal === undefined ? {} : { signal: call.signal };
}

function producedAt(iso: string | undefined): { producedAt?: number } {
  const t = timestampOf(iso);
  return t === undefined ? {} : { producedAt: t };
}
