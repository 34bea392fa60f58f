import { fc, test } from '@fast-check/vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { compactDocument } from '../test/compact-arbitraries.ts';
import { checkCompactWorkspace, compactWorkspaceJsonSchema } from './compact-schema.ts';

const validate = new Ajv2020({ strict: true, allErrors: true }).compile(compactWorkspaceJsonSchema);

// Near-valid documents: a valid one with one field replaced by arbitrary JSON.
const mutated = fc
  .tuple(compactDocument, fc.constantFrom('version', 'scenarios', 'resources', 'edges', 'extra', '$schema'), fc.jsonValue({ maxDepth: 3 }))
  .map(([doc, key, value]) => JSON.parse(JSON.stringify({ ...doc, [key]: value })) as unknown);

describe('compact workspace JSON Schema', () => {
  it('is pinned by the committed schema file', async () => {
    await expect(`${JSON.stringify(compactWorkspaceJsonSchema, null, 2)}\n`).toMatchFileSnapshot('../schemas/compact-workspace.schema.json');
  });

  it('is a strict draft 2020-12 schema that ajv compiles', () => {
    expect(compactWorkspaceJsonSchema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.isFrozen(compactWorkspaceJsonSchema)).toBe(true);
  });

  test.prop([compactDocument], { numRuns: 100 })('accepts every valid document, as zod does', (doc) => {
    expect(checkCompactWorkspace(doc).ok).toBe(true);
    expect(validate(doc)).toBe(true);
  });

  test.prop([fc.oneof(mutated, fc.jsonValue({ maxDepth: 3 }))], { numRuns: 200 })('zod and ajv agree on near-valid and arbitrary JSON', (value) => {
    expect(validate(value)).toBe(checkCompactWorkspace(value).ok);
  });
});
