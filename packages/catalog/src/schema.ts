// The zod schema of a catalog record as users write it (JSON or YAML), so a
// user catalog is checked field by field before it is merged.
import { z } from 'zod';
import { ARCHES, LICENSE_CLASSES, OSES, SECRET_KINDS, type CatalogEntryInput } from './types.ts';
import { ENV_NAME_PATTERN, TIERS } from '@deployment-manager/core/pure';

const name = z.string().trim().min(1);
const names = z.array(name);
const envName = z.string().regex(new RegExp(ENV_NAME_PATTERN), 'an environment variable name (letters, digits, _)');

const generatorSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('random'), length: z.int().positive(), charset: z.union([z.enum(['alnum', 'alpha', 'lower', 'upper', 'numeric', 'hex', 'base64url']), z.strictObject({ alphabet: z.string().min(2) })]) }),
  z.strictObject({ type: z.literal('password'), length: z.int().min(4) }),
  z.strictObject({ type: z.literal('uuid') }),
  z.strictObject({ type: z.literal('hex'), bytes: z.int().positive() }),
  z.strictObject({ type: z.literal('base64'), bytes: z.int().positive(), url: z.boolean().exactOptional() }),
  z.strictObject({ type: z.literal('keypair'), algorithm: z.enum(['ed25519', 'rsa-3072']) }),
]);

const promptSchema = z.strictObject({
  label: z.string().min(1),
  description: z.string().exactOptional(),
  format: z.string().exactOptional(),
  hint: z.string().exactOptional(),
});

const secretSchema = z.strictObject({
  key: z.string().regex(/^[a-z0-9_]+$/, 'lower snake case (password, api_key)'),
  id: z.string().min(1).exactOptional(),
  env: envName,
  serviceEnv: envName.exactOptional(),
  readBy: z.enum(['both', 'service', 'dependents']).exactOptional(),
  kind: z.enum(SECRET_KINDS),
  description: z.string(),
  required: z.boolean().exactOptional(),
  connection: z.boolean().exactOptional(),
  generator: generatorSchema.exactOptional(),
  prompt: promptSchema.exactOptional(),
});

const portSchema = z.strictObject({ name, port: z.int().min(1).max(65535), protocol: z.enum(['tcp', 'http', 'grpc', 'udp']) });

const absolutePath = z.string().regex(/^\/[^\0]*$/, 'an absolute container path');

/** The zod schema of one catalog record as users write it ({@link CatalogEntryInput}). */
export const catalogEntryInputSchema: z.ZodType<CatalogEntryInput> = z.strictObject({
  name,
  hosted: z.boolean().exactOptional(),
  aliases: names.exactOptional(),
  description: z.string().exactOptional(),
  category: z.string().min(1).exactOptional(),
  daemon: z.boolean().exactOptional(),
  network: z.enum(['none', 'local', 'internet']).exactOptional(),
  offline: z.boolean().exactOptional(),
  gpu: z.enum(['none', 'optional', 'required']).exactOptional(),
  ramMb: z.number().finite().min(0).exactOptional(),
  diskMb: z.number().finite().min(0).exactOptional(),
  license: z.strictObject({ spdx: z.string().min(1), class: z.enum(LICENSE_CLASSES as [string, ...string[]]) }).exactOptional(),
  platforms: z.strictObject({ os: z.array(z.enum(OSES as [string, ...string[]])), arch: z.array(z.enum(ARCHES as [string, ...string[]])) }).exactOptional(),
  persistence: z.enum(['none', 'cache', 'durable']).exactOptional(),
  provides: names.exactOptional(),
  assumedNeeds: names.exactOptional(),
  requires: names.exactOptional(),
  hosting: z.enum(['server-daemon', 'bundled-service', 'hosted-api', 'embedded-library', 'application']).exactOptional(),
  secrets: z.union([z.array(secretSchema), z.null()]).exactOptional(),
  ports: z.array(portSchema).exactOptional(),
  container: z
    .strictObject({
      image: z.string().regex(/^[a-z0-9][a-z0-9._/-]*(:[0-9]+)?[a-z0-9._/-]*$/, 'an image repository such as postgres or ghcr.io/org/name'),
      tag: z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, 'an image tag'),
      dataDir: absolutePath.exactOptional(),
      args: z.array(z.string()).exactOptional(),
      command: z.array(z.string()).exactOptional(),
      env: z.record(envName, z.string()).exactOptional(),
    })
    .exactOptional(),
  health: z
    .strictObject({
      type: z.enum(['http', 'tcp', 'command']),
      port: name.exactOptional(),
      path: z.string().startsWith('/').exactOptional(),
      command: z.array(z.string()).min(1).exactOptional(),
    })
    .exactOptional(),
  version: z.string().min(1).exactOptional(),
  compatibleWith: names.exactOptional(),
  swaps: z
    .array(z.strictObject({ to: name, tiers: z.array(z.enum(TIERS)).min(1), effort: z.enum(['low', 'medium', 'high']), note: z.string() }))
    .exactOptional(),
}) as unknown as z.ZodType<CatalogEntryInput>;

/** The zod schema of a user catalog file: a list of records, or `{ "catalog": [...] }`. */
export const catalogFileSchema: z.ZodType<readonly CatalogEntryInput[]> = z.union([
  z.array(catalogEntryInputSchema),
  z.strictObject({ $schema: z.string().exactOptional(), catalog: z.array(catalogEntryInputSchema) }).transform((f) => f.catalog),
]) as unknown as z.ZodType<readonly CatalogEntryInput[]>;
