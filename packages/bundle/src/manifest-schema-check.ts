import type { ErrorObject } from 'ajv';
import validateCloud from './generated/cloud-manifest.validate.js';
import validateDesktop from './generated/desktop-manifest.validate.js';
import validateMobile from './generated/mobile-manifest.validate.js';
import type { ManifestTarget } from './manifest.ts';

/** A JSON Schema validator: the errors of `value`, empty when valid. */
export type SchemaCheck = (value: unknown) => readonly ErrorObject[];

type Precompiled = typeof validateDesktop;

// Each target's committed schema, compiled ahead of time (scripts/generate-validators.ts).
const VALIDATORS: Readonly<Record<ManifestTarget, Precompiled>> = { desktop: validateDesktop, cloud: validateCloud, mobile: validateMobile };

/** The validator of our generated schema for one target (precompiled: nothing is compiled at run time). */
export function manifestSchemaCheck(target: ManifestTarget): SchemaCheck {
  const validate = VALIDATORS[target];
  return (value) => (validate(value) ? [] : [...(validate.errors ?? [])]);
}
