import type { CatalogEntry } from './types.ts';

/**
 * The facts assumed for a nested scenario (another application the root
 * depends on) when the catalog has no record of its own for it: a Vrooli
 * scenario is an API server (a daemon) with a small footprint. Its own
 * dependencies are separate nodes of the graph and are scored separately.
 * Add a record with the scenario's name to state other facts.
 */
export const SCENARIO_ENTRY: CatalogEntry = {
  name: 'scenario',
  aliases: [],
  description: 'another scenario: its own api server (assumed facts)',
  category: 'scenario',
  daemon: true,
  network: 'local',
  offline: true,
  gpu: 'none',
  ramMb: 256,
  diskMb: 100,
  license: { spdx: 'NOASSERTION', class: 'permissive' },
  platforms: { os: ['linux', 'macos', 'windows'], arch: ['x64', 'arm64'] },
  persistence: 'none',
  provides: ['api'],
  assumedNeeds: ['api'],
  requires: [],
  hosting: 'bundled-service',
  secrets: [],
  ports: [],
  compatibleWith: [],
  swaps: [],
};
