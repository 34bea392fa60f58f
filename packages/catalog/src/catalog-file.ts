// A user catalog as read from a file (JSON or YAML, parsed by the caller): a
// list of records or `{ "catalog": [...] }`, checked field by field.
import { SdkError } from '@deployment-manager/core/pure';
import { z } from 'zod';
import { catalogEntryInputSchema, catalogFileSchema } from './schema.ts';
import type { CatalogEntryInput } from './types.ts';

const LIST = z.array(catalogEntryInputSchema);
const WRAPPED = z.strictObject({ $schema: z.string().exactOptional(), catalog: LIST });

/**
 * The records of a parsed user catalog file, checked like
 * {@link catalogFileSchema}; merge them with `createCatalog(records)`. A
 * value that is not a catalog throws `CATALOG_INVALID` naming the file and
 * the JSON pointer of the first bad field.
 *
 * @example
 * ```ts
 * const catalog = createCatalog(catalogRecords(JSON.parse(readFileSync('my-catalog.json', 'utf8')), 'my-catalog.json'));
 * ```
 */
export function catalogRecords(value: unknown, file: string): readonly CatalogEntryInput[] {
  // Checked in the shape the file has, so an error points into it rather than at a failed union.
  const wrapped = typeof value === 'object' && value !== null && !Array.isArray(value);
  const parsed = (wrapped ? WRAPPED : LIST).safeParse(value);
  if (parsed.success) return wrapped ? (parsed.data as { catalog: CatalogEntryInput[] }).catalog : (parsed.data as CatalogEntryInput[]);
  const issue = parsed.error.issues[0];
  const pointer = `/${(issue?.path ?? []).map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
  throw new SdkError('CATALOG_INVALID', `${file} is not a catalog: ${issue?.message ?? 'unexpected shape'} at ${pointer}`, {
    hint: 'a catalog file is a list of records (or { "catalog": [...] }) with the fields of CatalogEntryInput, e.g. [{ "name": "duckdb", "daemon": false, "provides": ["sql"] }]',
    details: { file, path: pointer },
  });
}
