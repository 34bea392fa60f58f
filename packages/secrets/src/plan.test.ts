import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { TIERS, compareIds, createGraph, nodeId } from '@deployment-manager/core';
import { DEFAULT_CATALOG, createCatalog } from '@deployment-manager/catalog';
import { planSecrets } from './plan.ts';
import { validatePlan } from './validate-plan.ts';
import { PICKER_WHEEL, graphOf, pickerWheelGraph, scenarioSpec, swapResource } from '../test/fixtures.ts';

const classes = (plan: ReturnType<typeof planSecrets>): Record<string, string> => Object.fromEntries(plan.secrets.map((s) => [s.id, s.class]));

describe('picker-wheel (in memory)', () => {
  it('on desktop without swaps: postgres credentials are infrastructure and block, naming postgres -> sqlite', () => {
    const plan = planSecrets(pickerWheelGraph(), { tier: 'desktop', scenario: PICKER_WHEEL });
    expect(classes(plan)).toEqual({
      'n8n.api_key': 'per_install_generated',
      'n8n.encryption_key': 'per_install_generated',
      'n8n.webhook_secret': 'per_install_generated',
      'postgres.password': 'infrastructure',
      'postgres.user': 'infrastructure',
      'qdrant.api_key': 'per_install_generated',
    });
    const pg = plan.secrets.filter((s) => s.id.startsWith('postgres.'));
    for (const s of pg) {
      expect(s.targets).toEqual([]);
      expect(s.required).toBe(true);
      // exactly the swaps the postgres catalog record offers on desktop
      expect(s.removedBy).toEqual([{ from: 'postgres', to: 'managed-postgres' }, { from: 'postgres', to: 'sqlite' }, { from: 'postgres', to: 'supabase' }]);
      expect(s.rule).toBe('server-daemon-client-bundle');
    }
    expect(plan.blockers.map((d) => [d.code, d.path])).toEqual([
      ['SECRET_INFRASTRUCTURE_REQUIRED', '/secrets/3/class'],
      ['SECRET_INFRASTRUCTURE_REQUIRED', '/secrets/4/class'],
    ]);
    for (const b of plan.blockers) expect(b.hint).toContain('postgres -> sqlite');
    expect(validatePlan(plan).ok).toBe(false);
  });

  it('on desktop with postgres -> sqlite: the postgres secrets are gone and nothing blocks', () => {
    const plan = planSecrets(swapResource(pickerWheelGraph(), 'postgres', 'sqlite'), { tier: 'desktop', scenario: PICKER_WHEEL });
    expect(plan.secrets.some((s) => s.id.startsWith('postgres.'))).toBe(false);
    expect(Object.keys(classes(plan))).toEqual(['n8n.api_key', 'n8n.encryption_key', 'n8n.webhook_secret', 'qdrant.api_key']);
    expect(plan.blockers).toEqual([]);
    const result = validatePlan(plan);
    expect(result.ok).toBe(true);
  });

  it('wires consumers as the catalog says who reads each secret, with the env name the service itself reads', () => {
    const plan = planSecrets(pickerWheelGraph(), { tier: 'local', scenario: PICKER_WHEEL });
    const qdrant = plan.secrets.find((s) => s.id === 'qdrant.api_key');
    expect(qdrant?.consumers).toEqual(['resource:qdrant', 'scenario:picker-wheel']);
    expect(qdrant?.aliases).toEqual([{ consumer: 'resource:qdrant', env: 'QDRANT__SERVICE__API_KEY' }]);
    // n8n reads its encryption key; only the app reads the api key and webhook secret it calls n8n with
    expect(plan.secrets.find((s) => s.id === 'n8n.encryption_key')?.consumers).toEqual(['resource:n8n']);
    expect(plan.secrets.find((s) => s.id === 'n8n.api_key')?.consumers).toEqual(['scenario:picker-wheel']);
    expect(plan.usage.map((u) => u.service)).toEqual(['resource:n8n', 'resource:postgres', 'resource:qdrant', 'scenario:picker-wheel']);
    expect(plan.usage.find((u) => u.service === 'scenario:picker-wheel')?.secrets).toEqual(['n8n.api_key', 'n8n.webhook_secret', 'postgres.password', 'postgres.user', 'qdrant.api_key']);
  });

  it.each(['local', 'saas'] as const)('on %s everything is generated and nothing blocks', (tier) => {
    const plan = planSecrets(pickerWheelGraph(), { tier, scenario: PICKER_WHEEL });
    expect(new Set(Object.values(classes(plan)))).toEqual(new Set(['per_install_generated']));
    expect(plan.blockers).toEqual([]);
    for (const s of plan.secrets) expect(s.generator).toBeDefined();
  });

  it('on mobile n8n and qdrant stay on the server and block with no known swap', () => {
    const plan = planSecrets(swapResource(pickerWheelGraph(), 'postgres', 'sqlite'), { tier: 'mobile', scenario: PICKER_WHEEL });
    expect(new Set(Object.values(classes(plan)))).toEqual(new Set(['infrastructure']));
    expect(plan.blockers).toHaveLength(4);
    for (const b of plan.blockers) expect(b.code).toBe('SECRET_INFRASTRUCTURE_REQUIRED');
  });

  it('on enterprise database credentials are fetched remotely, with a network warning', () => {
    const plan = planSecrets(pickerWheelGraph(), { tier: 'enterprise', scenario: PICKER_WHEEL });
    const pg = plan.secrets.find((s) => s.id === 'postgres.password');
    expect(pg).toMatchObject({ class: 'remote_fetch', remote: { key: 'picker-wheel/postgres.password' }, targets: [{ type: 'env', name: 'POSTGRES_PASSWORD' }] });
    expect(plan.warnings.filter((d) => d.code === 'SECRET_NEEDS_NETWORK')).toHaveLength(2);
    expect(plan.blockers).toEqual([]);
  });
});

describe('planSecrets', () => {
  it('makes secrets of an optional dependency optional, so infrastructure only warns', () => {
    const plan = planSecrets(graphOf('app', ['redis'], ['redis']), { tier: 'desktop', scenario: scenarioSpec('app') });
    expect(plan.secrets[0]).toMatchObject({ id: 'redis.password', class: 'infrastructure', required: false });
    expect(plan.blockers).toEqual([]);
    expect(plan.warnings.map((d) => d.code)).toContain('SECRET_INFRASTRUCTURE_OPTIONAL');
  });

  it('reports dependencies whose secrets are unknown, and scenarios it was not given', () => {
    const plan = planSecrets(graphOf('app', ['mystery-db']), { tier: 'saas' });
    expect(plan.secrets).toEqual([]);
    expect(plan.warnings.map((d) => d.code).sort()).toEqual(['SECRET_REQUIREMENTS_UNKNOWN', 'SECRET_SCENARIO_UNREAD']);
    // Each names what it could not read, with a way out.
    const byCode = Object.fromEntries(plan.warnings.map((d) => [d.code, d]));
    expect(byCode['SECRET_REQUIREMENTS_UNKNOWN']).toMatchObject({ path: '/nodes/resource:mystery-db', message: expect.stringContaining('"mystery-db"') });
    expect(byCode['SECRET_SCENARIO_UNREAD']).toMatchObject({ path: '/nodes/scenario:app', message: expect.stringContaining('"app"') });
    for (const d of plan.warnings) expect(d.hint?.length).toBeGreaterThan(0);
  });

  it('merges a secret shared by two dependencies (claude-code reuses the anthropic key)', () => {
    const plan = planSecrets(graphOf('app', ['anthropic', 'claude-code']), { tier: 'desktop', scenario: scenarioSpec('app') });
    expect(plan.secrets.map((s) => s.id)).toEqual(['anthropic.api_key']);
    expect(plan.secrets[0]?.sources).toEqual(['resource:anthropic', 'resource:claude-code']);
    expect(plan.secrets[0]?.consumers).toEqual(['scenario:app']);
    expect(validatePlan(plan).ok).toBe(true);
  });

  it('drops a declared secret of a swapped-out dependency with a warning', () => {
    const spec = scenarioSpec('app', [{ name: 'POSTGRES_PASSWORD' }]);
    const plan = planSecrets(graphOf('app', ['sqlite']), { tier: 'desktop', scenario: spec });
    expect(plan.secrets).toEqual([]);
    expect(plan.warnings.map((d) => d.code)).toEqual(['SECRET_DEPENDENCY_ABSENT']);
    expect(plan.warnings[0]?.file).toBe('scenarios/app/.vrooli/service.json');
  });

  it('does not suggest env names that belong to known dependencies or are declared', () => {
    const spec = scenarioSpec('app', [{ name: 'SESSION_SECRET' }], ['SESSION_SECRET', 'POSTGRES_PASSWORD', 'QDRANT_API_KEY', 'GITHUB_TOKEN', 'PORT']);
    const plan = planSecrets(graphOf('app', ['qdrant']), { tier: 'local', scenario: spec });
    expect(plan.suggestions.map((s) => s.env)).toEqual(['GITHUB_TOKEN']);
  });

  it('applies per-secret overrides: generator, targets, remote, required', () => {
    const overrides = {
      secrets: [
        { id: 'qdrant.api_key', generator: { type: 'uuid' as const }, targets: [{ type: 'file' as const, name: 'secrets/qdrant.key' }] },
        { id: 'postgres.password', class: 'remote_fetch' as const, remote: { key: 'db/main', property: 'password' } },
        { id: 'postgres.user', required: false },
      ],
    };
    const plan = planSecrets(pickerWheelGraph(), { tier: 'desktop', scenario: PICKER_WHEEL, overrides });
    expect(plan.secrets.find((s) => s.id === 'qdrant.api_key')).toMatchObject({ generator: { type: 'uuid' }, targets: [{ type: 'file', name: 'secrets/qdrant.key' }] });
    expect(plan.secrets.find((s) => s.id === 'postgres.password')).toMatchObject({ class: 'remote_fetch', remote: { key: 'db/main', property: 'password' } });
    expect(plan.blockers).toEqual([]);
    expect(plan.warnings.map((d) => d.code)).toContain('SECRET_INFRASTRUCTURE_OPTIONAL');
  });

  it('lets override rules run before the catalog rules', () => {
    const overrides = { rules: [{ id: 'keep-db', when: { dependencies: ['postgres'] }, class: 'user_prompt' as const, reason: 'the user runs their own database' }] };
    const plan = planSecrets(pickerWheelGraph(), { tier: 'desktop', scenario: PICKER_WHEEL, overrides });
    expect(plan.secrets.find((s) => s.id === 'postgres.password')).toMatchObject({ class: 'user_prompt', rule: 'keep-db', prompt: { label: 'postgres password' } });
  });

  it('merges the swaps that remove a shared secret: each owner\'s hints once, the first owner\'s first', () => {
    // Two daemons share one key; each offers sqlite on desktop, the second also in-process-cache.
    const catalog = createCatalog([
      { name: 'db-a', hosting: 'server-daemon', secrets: [{ key: 'token', id: 'shared.token', env: 'SHARED_TOKEN', kind: 'api-key', description: 'shared token' }], swaps: [{ to: 'sqlite', tiers: ['desktop'], effort: 'low', note: 'embed it' }] },
      { name: 'db-b', hosting: 'server-daemon', secrets: [{ key: 'token', id: 'shared.token', env: 'SHARED_TOKEN', kind: 'api-key', description: 'shared token' }], swaps: [{ to: 'sqlite', tiers: ['desktop'], effort: 'low', note: 'embed it' }, { to: 'in-process-cache', tiers: ['desktop'], effort: 'low', note: 'embed it' }] },
    ]);
    const plan = planSecrets(graphOf('app', ['db-a', 'db-b']), { tier: 'desktop', scenario: scenarioSpec('app'), catalog });
    expect(plan.secrets.map((s) => [s.id, s.sources])).toEqual([['shared.token', ['resource:db-a', 'resource:db-b']]]);
    expect(plan.secrets[0]?.removedBy).toEqual([{ from: 'db-a', to: 'sqlite' }, { from: 'db-b', to: 'in-process-cache' }, { from: 'db-b', to: 'sqlite' }]);
    // Shared, it is required when any owner that is required needs it.
    const requiredWith = (optional: string[]) => planSecrets(graphOf('app', ['db-a', 'db-b'], optional), { tier: 'desktop', scenario: scenarioSpec('app'), catalog }).secrets[0]?.required;
    expect([requiredWith([]), requiredWith(['db-b']), requiredWith(['db-a']), requiredWith(['db-a', 'db-b'])]).toEqual([true, true, true, false]);
    // Two nodes of one record (postgres and its alias pg) bring the same hints: listed once.
    const twice = planSecrets(graphOf('app', ['postgres', 'pg']), { tier: 'desktop', scenario: scenarioSpec('app') });
    expect(twice.secrets.find((s) => s.id === 'postgres.password')?.removedBy).toEqual([
      { from: 'postgres', to: 'managed-postgres' },
      { from: 'postgres', to: 'sqlite' },
      { from: 'postgres', to: 'supabase' },
    ]);
  });

  it('requires the secrets of a dependency a path of required edges reaches, however deep', () => {
    const root = nodeId('scenario', 'app');
    const chain = (firstRequired: boolean) =>
      createGraph({
        root,
        edges: [
          { from: root, to: nodeId('resource', 'windmill'), required: firstRequired },
          { from: nodeId('resource', 'windmill'), to: nodeId('resource', 'minio'), required: true },
          { from: nodeId('resource', 'minio'), to: nodeId('resource', 'redis'), required: true },
        ],
      });
    const requiredOf = (plan: ReturnType<typeof planSecrets>) => Object.fromEntries(plan.secrets.filter((s) => s.id.startsWith('redis.')).map((s) => [s.id, s.required]));
    expect(requiredOf(planSecrets(chain(true), { tier: 'local', scenario: scenarioSpec('app') }))).toEqual({ 'redis.password': true });
    // One optional edge on the way makes everything below it optional.
    expect(requiredOf(planSecrets(chain(false), { tier: 'local', scenario: scenarioSpec('app') }))).toEqual({ 'redis.password': false });
    // A required dependency's own required edges do not lend required-ness to another node's edges:
    // minio (required) needs sqlite; windmill (optional) needs redis, which stays optional.
    const beside = createGraph({
      root,
      edges: [
        { from: root, to: nodeId('resource', 'minio'), required: true },
        { from: nodeId('resource', 'minio'), to: nodeId('resource', 'sqlite'), required: true },
        { from: root, to: nodeId('resource', 'windmill'), required: false },
        { from: nodeId('resource', 'windmill'), to: nodeId('resource', 'redis'), required: true },
      ],
    });
    expect(requiredOf(planSecrets(beside, { tier: 'local', scenario: scenarioSpec('app') }))).toEqual({ 'redis.password': false });
  });

  it('plans a catalog secret as its record states it: origin, prompt in words of the record and key, readers, aliases, required-ness', () => {
    const catalog = createCatalog([
      {
        name: 'vaultish',
        aliases: ['vlt'],
        hosting: 'bundled-service',
        secrets: [
          { key: 'pin', env: 'UNLOCK_CODE', kind: 'service-password', description: 'unlock pin', serviceEnv: 'VAULTISH_PIN' },
          { key: 'hint', env: 'VAULTISH_HINT', kind: 'token', description: 'spare', required: false },
          { key: 'peer', env: 'VAULTISH_PEER', kind: 'token', description: 'for callers', readBy: 'dependents', serviceEnv: 'PEER' },
        ],
        swaps: [{ to: 'sqlite', tiers: ['desktop'], effort: 'low', note: 'embed it' }],
      },
    ]);
    const plan = planSecrets(graphOf('app', ['vaultish']), { tier: 'desktop', scenario: scenarioSpec('app'), catalog });
    const by = Object.fromEntries(plan.secrets.map((s) => [s.id, s]));
    expect(by['vaultish.pin']).toMatchObject({ origin: 'catalog', required: true });
    // Asked of the user, it is prompted for in words of the record and the key (not of the env name).
    const asked = planSecrets(graphOf('app', ['vaultish']), { tier: 'desktop', scenario: scenarioSpec('app'), catalog, overrides: { secrets: [{ id: 'vaultish.pin', class: 'user_prompt' }] } });
    expect(asked.secrets.find((x) => x.id === 'vaultish.pin')?.prompt).toEqual({ label: 'vaultish pin', description: 'unlock pin' });
    expect(by['vaultish.pin']?.consumers).toEqual(['resource:vaultish', 'scenario:app']);
    expect(by['vaultish.pin']?.aliases).toEqual([{ consumer: 'resource:vaultish', env: 'VAULTISH_PIN' }]);
    // A secret the record marks optional is optional even of a required dependency; one without a service env has no alias.
    expect(by['vaultish.hint']?.required).toBe(false);
    expect(by['vaultish.hint']?.aliases ?? []).toEqual([]);
    // Read by dependents only: the service itself does not read it, so its service env is no alias.
    expect(by['vaultish.peer']?.consumers).toEqual(['scenario:app']);
    expect(by['vaultish.peer']?.aliases ?? []).toEqual([]);
    // An override rule can match on the origin.
    const rules = [{ id: 'from-catalog', when: { origins: ['catalog' as const], ids: ['vaultish.hint'] }, class: 'user_prompt' as const, reason: 'ask' }];
    expect(planSecrets(graphOf('app', ['vaultish']), { tier: 'desktop', scenario: scenarioSpec('app'), catalog, overrides: { rules } }).secrets.find((x) => x.id === 'vaultish.hint')?.rule).toBe('from-catalog');
    // Two nodes of one record (its name and its alias), one swap hint: listed once.
    const twice = planSecrets(graphOf('app', ['vaultish', 'vlt']), { tier: 'desktop', scenario: scenarioSpec('app'), catalog });
    expect(twice.secrets.find((x) => x.id === 'vaultish.pin')?.removedBy).toEqual([{ from: 'vaultish', to: 'sqlite' }]);
  });

  it('names the first catalog record stating an env name as the owner of a declared secret whose dependency is absent', () => {
    // claude-code (a resource) and anthropic (a replacement, listed after the resources) both read ANTHROPIC_API_KEY.
    const names = [...DEFAULT_CATALOG.entries.values()].map((e) => e.name);
    expect(names.indexOf('claude-code')).toBeLessThan(names.indexOf('anthropic'));
    const plan = planSecrets(graphOf('app', []), { tier: 'desktop', scenario: scenarioSpec('app', [{ name: 'ANTHROPIC_API_KEY' }]) });
    expect(plan.warnings.map((d) => d.code)).toEqual(['SECRET_DEPENDENCY_ABSENT']);
    expect(plan.warnings[0]?.message).toContain('"claude-code"');
  });

  it('suggests an env name that looks like a secret, at its place; an override plans it as the scenario\'s own', () => {
    const spec = scenarioSpec('app', [], ['GITHUB_TOKEN']);
    const plan = planSecrets(graphOf('app', []), { tier: 'desktop', scenario: spec });
    expect(plan.secrets).toEqual([]);
    expect(plan.suggestions.map((x) => [x.id, x.env, x.source])).toEqual([['app.GITHUB_TOKEN', 'GITHUB_TOKEN', 'scenario:app']]);
    const note = plan.warnings.find((d) => d.code === 'SECRET_SUGGESTED');
    expect(note).toMatchObject({ path: '/nodes/scenario:app/env/GITHUB_TOKEN', file: spec.file, message: expect.stringContaining('"GITHUB_TOKEN"') });
    expect(note?.hint).toContain('app.GITHUB_TOKEN');
    const accepted = planSecrets(graphOf('app', []), { tier: 'desktop', scenario: spec, overrides: { secrets: [{ id: 'app.GITHUB_TOKEN', class: 'user_prompt' }] } });
    expect(accepted.suggestions).toEqual([]);
    expect(accepted.secrets.map((x) => [x.id, x.origin, x.sources, x.consumers, x.required])).toEqual([['app.GITHUB_TOKEN', 'suggested', ['scenario:app'], ['scenario:app'], true]]);
    expect(accepted.secrets[0]?.description).toContain(spec.file);
  });

  it('does not suggest an env name another scenario of the graph declares', () => {
    const root = nodeId('scenario', 'zed');
    const graph = createGraph({ root, edges: [{ from: root, to: nodeId('scenario', 'lib') }] });
    const plan = planSecrets(graph, { tier: 'desktop', scenario: scenarioSpec('zed', [], ['SESSION_TOKEN']), scenarios: [scenarioSpec('lib', [{ name: 'SESSION_TOKEN' }])] });
    expect(plan.secrets.map((x) => x.id)).toEqual(['lib.SESSION_TOKEN']);
    expect(plan.suggestions).toEqual([]);
  });

  it('plans a declared secret as the declaring scenario\'s own: its description, origin, reader, and required only when the scenario is', () => {
    const root = nodeId('scenario', 'zed');
    const graph = createGraph({ root, edges: [{ from: root, to: nodeId('scenario', 'lib'), required: false }] });
    const plan = planSecrets(graph, {
      tier: 'local',
      scenario: scenarioSpec('zed', [{ name: 'ZED_KEY', description: 'the zed key' }]),
      scenarios: [scenarioSpec('lib', [{ name: 'LIB_KEY', required: true }])],
    });
    const by = Object.fromEntries(plan.secrets.map((x) => [x.id, x]));
    expect(by['zed.ZED_KEY']).toMatchObject({ origin: 'declared', description: 'the zed key', sources: ['scenario:zed'], consumers: ['scenario:zed'], required: true });
    expect(by['zed.ZED_KEY']?.aliases ?? []).toEqual([]);
    // lib is an optional dependency: what it declares required is optional for the bundle.
    expect(by['lib.LIB_KEY']).toMatchObject({ origin: 'declared', description: 'lib key declared by lib', sources: ['scenario:lib'], required: false });
  });

  it('takes the class a scenario declares for a dependency\'s secret it also reads', () => {
    const spec = scenarioSpec('app', [{ name: 'REDIS_PASSWORD' }]);
    const declared = { ...spec, secrets: spec.secrets.map((d) => ({ ...d, classification: { desktop: 'user' as const } })) };
    const plan = planSecrets(graphOf('app', ['redis']), { tier: 'desktop', scenario: declared });
    expect(plan.secrets.map((x) => [x.id, x.class, x.rule])).toEqual([['redis.password', 'user_prompt', 'declared:desktop']]);
    // Declared without a class for this tier: the rules decide, as without the declaration.
    const plain = planSecrets(graphOf('app', ['redis']), { tier: 'desktop', scenario: spec });
    expect(plain.secrets.map((x) => [x.id, x.class, x.rule])).toEqual([['redis.password', 'infrastructure', 'server-daemon-client-bundle']]);
  });

  it('a dependency nothing depends on reads its own secrets, and no one else does', () => {
    const root = nodeId('scenario', 'app');
    const plan = planSecrets(createGraph({ root, nodes: [{ id: root }, { id: nodeId('resource', 'redis') }], edges: [] }), { tier: 'local', scenario: scenarioSpec('app') });
    expect(plan.secrets.map((s) => [s.id, s.consumers, s.required])).toEqual([['redis.password', ['resource:redis'], false]]);
  });

  it('takes the generator a catalog record states for a secret over the policy default of its kind', () => {
    const catalog = createCatalog([
      { name: 'vaultish', hosting: 'bundled-service', secrets: [{ key: 'pin', env: 'VAULTISH_PIN', kind: 'service-password', description: 'unlock pin', generator: { type: 'random', length: 40, charset: 'hex' } }] },
    ]);
    const own = planSecrets(graphOf('app', ['vaultish']), { tier: 'local', scenario: scenarioSpec('app'), catalog });
    expect(own.secrets[0]?.generator).toEqual({ type: 'random', length: 40, charset: 'hex' });
    const plain = planSecrets(graphOf('app', ['redis']), { tier: 'local', scenario: scenarioSpec('app') });
    expect(plain.secrets[0]?.generator).not.toEqual({ type: 'random', length: 40, charset: 'hex' });
  });

  it('a scenario declaring a dependency\'s secret as required makes it required, even of an optional dependency', () => {
    const declared = scenarioSpec('app', [{ name: 'REDIS_PASSWORD', required: true }]);
    const plan = planSecrets(graphOf('app', ['redis'], ['redis']), { tier: 'desktop', scenario: declared });
    expect(plan.secrets.map((s) => [s.id, s.required, s.sources])).toEqual([['redis.password', true, ['resource:redis', 'scenario:app']]]);
    expect(plan.blockers.map((d) => d.code)).toEqual(['SECRET_INFRASTRUCTURE_REQUIRED']);
    // Declared but not required: the optional dependency's secret stays optional.
    const optional = planSecrets(graphOf('app', ['redis'], ['redis']), { tier: 'desktop', scenario: scenarioSpec('app', [{ name: 'REDIS_PASSWORD', required: false }]) });
    expect(optional.secrets.map((s) => [s.id, s.required])).toEqual([['redis.password', false]]);
  });

  it('classifies a secret as its scenario declares it for the tier, and by the rules on tiers it does not', () => {
    const spec = scenarioSpec('app', [{ name: 'SESSION__SECRET' }]);
    const declared = { ...spec, secrets: spec.secrets.map((d) => ({ ...d, classification: { desktop: 'user' as const } })) };
    const desktop = planSecrets(graphOf('app', []), { tier: 'desktop', scenario: declared });
    expect(desktop.secrets.map((s) => [s.id, s.class, s.rule, s.reason])).toEqual([['app.SESSION__SECRET', 'user_prompt', 'declared:desktop', 'the scenario declares it user_prompt on desktop']]);
    // Its prompt and description read the env name as words: underscores (any run of them) become one space.
    expect(desktop.secrets[0]).toMatchObject({ description: 'session secret declared by app', prompt: { label: 'session secret' } });
    // The root scenario is always deployed, so what it declares required is required.
    expect(desktop.secrets[0]?.required).toBe(true);
    const saas = planSecrets(graphOf('app', []), { tier: 'saas', scenario: declared });
    expect(saas.secrets[0]?.rule.startsWith('declared:')).toBe(false);
    // An override's class wins over the declaration.
    const pinned = planSecrets(graphOf('app', []), { tier: 'desktop', scenario: declared, overrides: { secrets: [{ id: 'app.SESSION__SECRET', class: 'per_install_generated' }] } });
    expect(pinned.secrets.map((s) => [s.class, s.rule, s.reason])).toEqual([['per_install_generated', 'override:app.SESSION__SECRET', 'pinned to per_install_generated by an override']]);
  });

  const RESOURCES = ['postgres', 'redis', 'n8n', 'qdrant', 'ollama', 'openai', 'anthropic', 'claude-code', 'minio', 'sqlite', 'browserless', 'mystery'];
  const namesAndShuffle = fc
    .uniqueArray(fc.constantFrom(...RESOURCES), { maxLength: 8 })
    .chain((names) => fc.tuple(fc.constant(names), fc.shuffledSubarray(names, { minLength: names.length })));
  test.prop([namesAndShuffle, fc.constantFrom(...TIERS)], { numRuns: 100 })(
    'is deterministic and independent of edge order',
    ([names, shuffledNames], tier) => {
      const root = nodeId('scenario', 'app');
      const edge = (n: string) => ({ from: root, to: nodeId('resource', n), required: n.length % 3 !== 0 });
      const edges = names.map(edge);
      const shuffled = shuffledNames.map(edge);
      const a = planSecrets(createGraph({ root, edges }), { tier, scenario: scenarioSpec('app') });
      const b = planSecrets(createGraph({ root, edges: shuffled }), { tier, scenario: scenarioSpec('app') });
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      // Every bundled secret has targets; nothing else does.
      for (const s of a.secrets) expect(s.targets.length > 0).toBe(s.class !== 'infrastructure' && s.class !== 'unclassified');
      // Blockers are exactly what validatePlan reports.
      const v = validatePlan(a);
      expect(v.ok ? [] : v.issues).toEqual(a.blockers);
    },
  );

  // Env names a scenario reads that look like secrets (suggested), in an order that is not sorted.
  const LOOKS_SECRET = ['ZOO_API_KEY', 'STRIPE_PASSWORD', 'MAIL_PRIVATE_KEY', 'AWS_SECRET_ACCESS_KEY', 'GH_CLIENT_SECRET', 'PORT'];
  test.prop([fc.uniqueArray(fc.constantFrom(...RESOURCES), { maxLength: 8 }), fc.shuffledSubarray(LOOKS_SECRET), fc.constantFrom(...TIERS)], { numRuns: 300 })(
    'gives each secret exactly the fields its class calls for, and every list in id order',
    (names, envNames, tier) => {
      const plan = planSecrets(graphOf('app', names), { tier, scenario: scenarioSpec('app', [], envNames) });
      const byIds = (ids: readonly string[]) => expect(ids).toEqual([...ids].sort(compareIds));
      for (const s of plan.secrets) {
        const bundled = s.class !== 'infrastructure' && s.class !== 'unclassified';
        expect([s.id, s.prompt !== undefined, s.remote !== undefined]).toEqual([s.id, s.class === 'user_prompt', s.class === 'remote_fetch']);
        if (s.generator !== undefined) expect([s.id, s.class]).toEqual([s.id, 'per_install_generated']);
        if (s.aliases !== undefined) expect([s.id, bundled, s.aliases.length > 0]).toEqual([s.id, true, true]);
        byIds(s.sources);
        byIds(s.consumers);
        byIds((s.aliases ?? []).map((a) => a.consumer));
        expect(s.removedBy).toEqual([...s.removedBy].sort((a, b) => compareIds(a.from, b.from) || compareIds(a.to, b.to)));
      }
      for (const u of plan.usage) byIds(u.secrets);
      byIds(plan.usage.map((u) => u.service));
      byIds(plan.suggestions.map((x) => x.id));
    },
  );

  test.prop([fc.uniqueArray(fc.constantFrom(...RESOURCES), { maxLength: 8 }), fc.constantFrom(...TIERS)], { numRuns: 100 })(
    'removing a dependency never adds secrets',
    (names, tier) => {
      const full = planSecrets(graphOf('app', names), { tier, scenario: scenarioSpec('app') });
      const fewer = planSecrets(graphOf('app', names.slice(1)), { tier, scenario: scenarioSpec('app') });
      const ids = new Set(full.secrets.map((s) => s.id));
      for (const s of fewer.secrets) expect(ids.has(s.id)).toBe(true);
    },
  );
});
