// `--catalog FILE`: a user's own catalog records, merged over the built-in ones
// with the catalog package's one merge rule (createCatalog).
import { catalogRecords, createCatalog, type Catalog } from '@deployment-manager/catalog';
import { parseDataText, readTextFileBounded, yamlByteLimit } from '@deployment-manager/core';

const HINT = 'a catalog file is JSON or YAML: a list of records, or { "catalog": [...] }, e.g. [{ "name": "duckdb", "daemon": false, "provides": ["sql"] }]';

/** The parsed content of a catalog file: YAML for `.yaml`/`.yml`, JSON otherwise. */
function parseCatalogFile(path: string): unknown {
  const yaml = /\.ya?ml$/i.test(path);
  const text = readTextFileBounded(path, 'catalog file', yaml ? yamlByteLimit() : undefined);
  return parseDataText(text, path, yaml ? 'yaml' : 'json', { syntax: HINT, alias: 'write every value out: catalogs do not take YAML anchors and aliases' });
}

/**
 * The catalog a command uses: `{ catalog }` built from the built-in records
 * and the records of `file`, or `{}` (the built-in catalog) without a file.
 * Spread it into the options of fitness, secrets and bundle calls. Throws
 * `FILE_*`, `PARSE_FAILED` or `CATALOG_INVALID` naming the file.
 */
export function userCatalog(file: string | undefined): { readonly catalog?: Catalog } {
  return file === undefined ? {} : { catalog: createCatalog(catalogRecords(parseCatalogFile(file), file)) };
}
