import type { CommandEntry } from './command.ts';

/**
 * Every command: its name, its one-line summary (the top-level help) and a
 * loader for its module, so a run loads only the command it runs. Adding a
 * command is one entry here plus its module under `commands/` exporting a
 * `defineCommand(...)` definition.
 */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'graph', summary: 'the dependency graph of a scenario: nodes, edges, order, cycles, diagnostics', load: async () => (await import('./commands/graph.ts')).graphCommand },
  { name: 'fitness', summary: 'how well a scenario fits each tier, with reasons and suggested swaps', load: async () => (await import('./commands/fitness.ts')).fitnessCommand },
  { name: 'swaps', summary: 'swaps for a tier: suggest them, the cascade of applying some, the cheapest set that ships, the best tier', load: async () => (await import('./commands/swaps.ts')).swapsCommand },
  { name: 'secrets', summary: 'the secret plan for a tier (names and classes, never values)', load: async () => (await import('./commands/secrets.ts')).secretsCommand },
  { name: 'bundle', summary: 'deployment manifests: assemble, validate, export, verify', load: async () => (await import('./commands/bundle.ts')).bundleCommand },
  { name: 'profile', summary: 'deployment profiles with versions: create, show, update, roll back, export, import', load: async () => (await import('./commands/profile.ts')).profileCommand },
  { name: 'package', summary: 'the whole pipeline for a target: manifest and packager artifacts in --out', load: async () => (await import('./commands/package.ts')).packageCommand },
  { name: 'plan', summary: 'a deployment plan: pre-flight, stages, cost, rollout and rollback', load: async () => (await import('./commands/plan.ts')).planCommand },
  { name: 'deploy', summary: 'deploy for real (local, vps, compose, k8s, do, aws), with release history, status and rollback', load: async () => (await import('./commands/deploy.ts')).deployCommand },
  { name: 'diff', summary: 'what changes between two exported manifests', load: async () => (await import('./commands/diff.ts')).diffCommand },
  { name: 'run', summary: 'run a desktop bundle in the foreground with the runtime supervisor (Ctrl-C stops it)', load: async () => (await import('./commands/run.ts')).runCommand },
  { name: 'runtime', summary: 'status, ports, logs or stop of a running bundle, through its control api', load: async () => (await import('./commands/runtime.ts')).runtimeCommand },
  { name: 'ui', summary: 'the interactive view in the browser: graph, tiers, live what-if swaps, export', load: async () => (await import('./commands/ui.ts')).uiCommand },
];
