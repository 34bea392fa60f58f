import { readFileSync } from 'node:fs';
import type { CloudManifest } from '@deployment-manager/bundle';

/** The Vrooli scenarios with a hand-written cloud manifest in `fixtures/scenarios/`. */
export const SCENARIOS = ['picker-wheel', 'secrets-manager', 'image-tools'] as const;

/** The cloud manifest written for a scenario (mirrors its service.json; see the shared test). */
export function scenarioManifest(name: (typeof SCENARIOS)[number]): CloudManifest {
  return JSON.parse(readFileSync(new URL(`./fixtures/scenarios/${name}.cloud.json`, import.meta.url), 'utf8')) as CloudManifest;
}
