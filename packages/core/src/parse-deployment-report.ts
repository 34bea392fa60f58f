import { z } from 'zod';
import { jsonPointer, type Diagnostic } from './diagnostics.ts';
import { SdkError } from './errors.ts';
import { exceedsDepth, isJsonObject, jsonTypeName, ownEntries, ownField, type JsonObject } from './json-values.ts';
import type {
  DeploymentReportResult,
  ReportBundleDependency,
  ReportBundleManifest,
  ReportDependencyNode,
  ReportRequirements,
  ReportTierAggregate,
  ReportTierMap,
  ReportTierSupport,
} from './parse-deployment-report-types.ts';
import { loaderDiagnostic } from './parse-diagnostics.ts';
import { guardParse } from './parse-guard.ts';
import { normalizeTier, type TierId } from './tiers.ts';

// Schemas of the file as the predecessor writes it (snake_case). z.object
// strips unknown keys and only copies known ones, so hostile keys never reach
// the output; maps keyed by tier or name are walked by hand.
const requirementsSchema = z.object({
  ram_mb: z.number().optional(),
  disk_mb: z.number().optional(),
  cpu_cores: z.number().optional(),
  gpu: z.boolean().optional(),
  network: z.string().optional(),
  source: z.string().optional(),
  confidence: z.string().optional(),
});
const alternativesSchema = z.array(z.string()).nullable().optional();
const tierSupportSchema = z.object({
  supported: z.boolean().optional(),
  fitness_score: z.number().optional(),
  reason: z.string().optional(),
  notes: z.string().optional(),
  alternatives: alternativesSchema,
  requirements: requirementsSchema.nullable().optional(),
});
const nodeSchema = z.object({
  name: z.string(),
  type: z.string(),
  resource_type: z.string().optional(),
  path: z.string().optional(),
  source: z.string().optional(),
  notes: z.string().optional(),
  alternatives: alternativesSchema,
  requirements: requirementsSchema.nullable().optional(),
  children: z.array(z.unknown()).nullable().optional(),
});
const aggregateSchema = z.object({
  fitness_score: z.number(),
  dependency_count: z.int().min(0),
  blocking_dependencies: z.array(z.string()).nullable().optional(),
  estimated_requirements: z.object({ ram_mb: z.number().optional(), disk_mb: z.number().optional(), cpu_cores: z.number().optional() }).optional(),
});
const headerSchema = z.object({ scenario: z.string().min(1) });
const bundleFileSchema = z.object({ path: z.string(), type: z.string(), exists: z.boolean(), notes: z.string().optional() });
const bundleDependencySchema = z.object({ name: z.string(), type: z.string(), resource_type: z.string().optional(), alternatives: alternativesSchema });

type Segments = (string | number)[];
const PHANTOM_NAMES = new Set(['required', 'optional']);

/**
 * Parses a predecessor `deployment-report.json` into a typed
 * {@link DeploymentReport}: the dependency tree with `tier_support` per tier,
 * per-tier `aggregates`, the bundle manifest skeleton. Tier keys are
 * normalized with `normalizeTier` (`server` stays its own tier). Phantom
 * nodes named `required`/`optional` are kept, flagged and diagnosed; a
 * malformed node or tier entry is skipped with a diagnostic. Throws
 * `PARSE_FAILED` only when the value is not a report at all (no `scenario`).
 *
 * @example
 * ```ts
 * const { report, diagnostics } = parseDeploymentReport(JSON.parse(text), 'deployment-report.json');
 * report.aggregates.desktop?.fitnessScore; // 0.7875
 * ```
 */
export function parseDeploymentReport(json: unknown, file: string): DeploymentReportResult {
  return guardParse(file, () => parseUnguarded(json, file));
}

function parseUnguarded(json: unknown, file: string): DeploymentReportResult {
  const header = isJsonObject(json) && !exceedsDepth(json) ? headerSchema.safeParse(json) : undefined;
  if (!isJsonObject(json) || header === undefined || !header.success) {
    throw new SdkError('PARSE_FAILED', `${file} is not a deployment report (expected an object with a string \`scenario\`, got ${isJsonObject(json) ? 'another object' : `a ${jsonTypeName(json)}`})`, {
      hint: 'pass the deployment-report.json the predecessor analyzer wrote',
      details: { file },
    });
  }
  const diagnostics: Diagnostic[] = [];
  const ctx: Ctx = { file, diagnostics };
  const deps = ownField(json, 'dependencies');
  const dependencies = parseNodes(deps, ['dependencies'], ctx);
  const aggregates = parseTierMap(ownField(json, 'aggregates'), ['aggregates'], ctx, (value, path) => {
    const r = checked(aggregateSchema, value, path, ctx);
    if (r === undefined) return undefined;
    const est = r.estimated_requirements ?? {};
    const aggregate: ReportTierAggregate = {
      fitnessScore: r.fitness_score,
      dependencyCount: r.dependency_count,
      blockingDependencies: r.blocking_dependencies ?? [],
      estimatedRequirements: { ramMb: est.ram_mb ?? 0, diskMb: est.disk_mb ?? 0, cpuCores: est.cpu_cores ?? 0 },
    };
    return aggregate;
  });
  const manifest = ownField(json, 'bundle_manifest');
  const bundleManifest = manifest === undefined || manifest === null ? undefined : parseBundleManifest(manifest, ctx);
  const gaps = ownField(json, 'metadata_gaps');
  const reportVersion = optionalField(json, 'report_version', z.int(), ctx);
  const generatedAt = optionalField(json, 'generated_at', z.string(), ctx);
  return {
    report: {
      scenario: header.data.scenario,
      ...(reportVersion === undefined ? {} : { reportVersion }),
      ...(generatedAt === undefined ? {} : { generatedAt }),
      dependencies,
      aggregates,
      ...(bundleManifest === undefined ? {} : { bundleManifest }),
      ...(isJsonObject(gaps) ? { metadataGaps: gaps } : {}),
      file,
      raw: json,
    },
    diagnostics,
  };
}

interface Ctx {
  readonly file: string;
  readonly diagnostics: Diagnostic[];
}

function parseNodes(value: unknown, path: Segments, ctx: Ctx): ReportDependencyNode[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    ctx.diagnostics.push(loaderDiagnostic('REPORT_FIELD_INVALID', `expected a list of dependency nodes, got a ${jsonTypeName(value)}`, { path: jsonPointer(path), file: ctx.file }));
    return [];
  }
  const out: ReportDependencyNode[] = [];
  value.forEach((item, index) => {
    const node = parseNode(item, [...path, index], ctx);
    if (node !== undefined) out.push(node);
  });
  return out;
}

function parseNode(value: unknown, path: Segments, ctx: Ctx): ReportDependencyNode | undefined {
  const r = checked(nodeSchema, value, path, ctx);
  if (r === undefined) return undefined;
  const pointer = jsonPointer(path);
  const phantom = PHANTOM_NAMES.has(r.name);
  if (phantom) {
    ctx.diagnostics.push(loaderDiagnostic('REPORT_PHANTOM_NODE', `dependency "${r.name}" is a group name the predecessor read as a ${r.type}`, { path: pointer, file: ctx.file }));
  }
  const requirements = r.requirements == null ? undefined : toRequirements(r.requirements);
  return {
    name: r.name,
    type: r.type,
    ...(r.type === 'resource' || r.type === 'scenario' ? { kind: r.type } : {}),
    ...(r.resource_type === undefined || r.resource_type === '' ? {} : { resourceType: r.resource_type }),
    ...(r.path === undefined ? {} : { path: r.path }),
    ...(r.source === undefined ? {} : { source: r.source }),
    ...(requirements === undefined ? {} : { requirements }),
    tierSupport: parseTierSupportMap(ownField(value as JsonObject, 'tier_support'), [...path, 'tier_support'], ctx),
    alternatives: r.alternatives ?? [],
    ...(r.notes === undefined ? {} : { notes: r.notes }),
    children: parseNodes(r.children, [...path, 'children'], ctx),
    phantom,
    pointer,
  };
}

function parseTierSupportMap(value: unknown, path: Segments, ctx: Ctx): ReportTierMap<ReportTierSupport> {
  return parseTierMap(value, path, ctx, (v, p) => {
    const r = checked(tierSupportSchema, v, p, ctx);
    if (r === undefined) return undefined;
    const requirements = r.requirements == null ? undefined : toRequirements(r.requirements);
    const support: ReportTierSupport = {
      ...(r.supported === undefined ? {} : { supported: r.supported }),
      ...(r.fitness_score === undefined ? {} : { fitnessScore: r.fitness_score }),
      ...(r.reason === undefined ? {} : { reason: r.reason }),
      ...(r.notes === undefined ? {} : { notes: r.notes }),
      alternatives: r.alternatives ?? [],
      ...(requirements === undefined ? {} : { requirements }),
    };
    return support;
  });
}

// Walks a map keyed by tier spelling; every spelling of one tier lands on one key.
function parseTierMap<T>(value: unknown, path: Segments, ctx: Ctx, parse: (value: unknown, path: Segments) => T | undefined): ReportTierMap<T> {
  if (value === undefined || value === null) return {};
  if (!isJsonObject(value)) {
    ctx.diagnostics.push(loaderDiagnostic('REPORT_FIELD_INVALID', `expected a map of tier -> entry, got a ${jsonTypeName(value)}`, { path: jsonPointer(path), file: ctx.file }));
    return {};
  }
  const out = new Map<TierId, T>();
  for (const [key, entry] of ownEntries(value)) {
    const tier = normalizeTier(key);
    const pointer = jsonPointer([...path, key]);
    if (tier === undefined) {
      ctx.diagnostics.push(loaderDiagnostic('REPORT_TIER_UNKNOWN', `"${key}" is not a known tier`, { path: pointer, file: ctx.file }));
    } else if (out.has(tier)) {
      ctx.diagnostics.push(loaderDiagnostic('REPORT_TIER_DUPLICATE', `"${key}" is another spelling of tier ${tier}`, { path: pointer, file: ctx.file }));
    } else {
      const parsed = parse(entry, [...path, key]);
      if (parsed !== undefined) out.set(tier, parsed);
    }
  }
  return Object.fromEntries(out) as ReportTierMap<T>;
}

function parseBundleManifest(value: unknown, ctx: Ctx): ReportBundleManifest | undefined {
  if (!isJsonObject(value)) {
    ctx.diagnostics.push(loaderDiagnostic('REPORT_FIELD_INVALID', `expected an object, got a ${jsonTypeName(value)}`, { path: '/bundle_manifest', file: ctx.file }));
    return undefined;
  }
  const scenario = ownField(value, 'scenario');
  const generatedAt = ownField(value, 'generated_at');
  const list = (key: string): unknown[] => {
    const v = ownField(value, key);
    if (v === undefined || v === null) return [];
    if (Array.isArray(v)) return v;
    ctx.diagnostics.push(loaderDiagnostic('REPORT_FIELD_INVALID', `expected a list, got a ${jsonTypeName(v)}`, { path: `/bundle_manifest/${key}`, file: ctx.file }));
    return [];
  };
  const files = list('files').flatMap((f, i) => {
    const r = checked(bundleFileSchema, f, ['bundle_manifest', 'files', i], ctx);
    return r === undefined ? [] : [{ path: r.path, type: r.type, exists: r.exists, ...(r.notes === undefined ? {} : { notes: r.notes }) }];
  });
  const dependencies = list('dependencies').flatMap((d, i): ReportBundleDependency[] => {
    const path = ['bundle_manifest', 'dependencies', i];
    const r = checked(bundleDependencySchema, d, path, ctx);
    if (r === undefined) return [];
    return [
      {
        name: r.name,
        type: r.type,
        ...(r.resource_type === undefined || r.resource_type === '' ? {} : { resourceType: r.resource_type }),
        tierSupport: parseTierSupportMap(ownField(d as JsonObject, 'tier_support'), [...path, 'tier_support'], ctx),
        alternatives: r.alternatives ?? [],
      },
    ];
  });
  return {
    ...(typeof scenario === 'string' ? { scenario } : {}),
    ...(typeof generatedAt === 'string' ? { generatedAt } : {}),
    files,
    dependencies,
  };
}

function optionalField<T>(json: JsonObject, key: string, schema: z.ZodType<T>, ctx: Ctx): T | undefined {
  const value = ownField(json, key);
  return value === undefined ? undefined : checked(schema, value, [key], ctx);
}

function toRequirements(r: z.infer<typeof requirementsSchema>): ReportRequirements {
  return {
    ...(r.ram_mb === undefined ? {} : { ramMb: r.ram_mb }),
    ...(r.disk_mb === undefined ? {} : { diskMb: r.disk_mb }),
    ...(r.cpu_cores === undefined ? {} : { cpuCores: r.cpu_cores }),
    ...(r.gpu === undefined ? {} : { gpu: r.gpu }),
    ...(r.network === undefined || r.network === '' ? {} : { network: r.network }),
    ...(r.source === undefined || r.source === '' ? {} : { source: r.source }),
    ...(r.confidence === undefined || r.confidence === '' ? {} : { confidence: r.confidence }),
  };
}

function checked<S extends z.ZodType>(schema: S, value: unknown, path: Segments, ctx: Ctx): z.infer<S> | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const where = jsonPointer([...path, ...(first?.path ?? []).map((p) => (typeof p === 'number' ? p : String(p)))]);
  ctx.diagnostics.push(loaderDiagnostic('REPORT_FIELD_INVALID', `entry skipped: ${first?.message.toLowerCase() ?? 'invalid'}`, { path: where, file: ctx.file }));
  return undefined;
}
