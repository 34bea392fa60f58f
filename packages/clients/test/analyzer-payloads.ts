// Hand-written analyzer answers shaped like the predecessor's (snake_case, Go
// nulls, a tree that repeats shared scenarios, a phantom group node), for the
// suite that must run without ../shared.

const tier = (score: number, supported = true) => ({ supported, fitness_score: score });
const support = { local: tier(1), desktop: tier(0.6), mobile: tier(0.2, false), saas: tier(0.95), enterprise: tier(0.98), server: tier(0.95) };

/** A report for `shop`: postgres, a phantom `required`, and `billing` reached directly and through `auth` (a diamond). */
export function shopReport(generatedAt = '2025-12-02T17:35:28.254125492Z'): Record<string, unknown> {
  const billing = {
    name: 'billing',
    type: 'scenario',
    path: '../../billing',
    source: 'declared',
    tier_support: support,
    children: [{ name: 'redis', type: 'resource', source: 'declared', tier_support: support, alternatives: null }],
  };
  return {
    scenario: 'shop',
    report_version: 1,
    generated_at: generatedAt,
    dependencies: [
      { name: 'postgres', type: 'resource', source: 'declared', tier_support: support, unknown_field: { evil: true } },
      { name: 'required', type: 'resource', source: 'declared', tier_support: support },
      billing,
      { name: 'auth', type: 'scenario', path: '../../auth', source: 'declared', tier_support: support, children: [{ name: 'postgres', type: 'resource', tier_support: support }, billing] },
    ],
    aggregates: { desktop: { fitness_score: 0.6, dependency_count: 6, blocking_dependencies: null, estimated_requirements: { ram_mb: 0, disk_mb: 0, cpu_cores: 0 } } },
    metadata_gaps: { total_gaps: 0, secret_requirements: [], recommendations: null },
  };
}

/** The DAG export of the same tree. */
export function shopDag(): Record<string, unknown> {
  const r = shopReport();
  return { scenario: 'shop', recursive: true, generated_at: r['generated_at'], dag: r['dependencies'] };
}

/** The scan answer for `shop`: postgres required, auth optional. */
export function shopAnalysis(): Record<string, unknown> {
  const dep = (name: string, type: string, required: boolean) => ({ id: `id-${name}`, scenario_name: 'shop', dependency_type: type, dependency_name: name, required, purpose: 'x', access_method: 'resource_cli', configuration: null });
  return {
    scenario: 'shop',
    resources: [dep('postgres', 'resource', true)],
    detected_resources: null,
    scenarios: [dep('billing', 'scenario', true), dep('auth', 'scenario', false)],
    declared_scenarios: { auth: { required: false, version: '', versionRange: '', description: '' } },
    shared_workflows: [],
    transitive_depth: 2,
    resource_diff: { missing: [{ name: 'minio' }], extra: null },
    scenario_diff: { missing: null, extra: null },
  };
}
