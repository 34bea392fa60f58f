import { Document, parseAllDocuments, visit } from 'yaml';

// YAML 1.1 output quotes every string a 1.1 reader (PyYAML in docker-compose 1.x, go-yaml in
// Kubernetes and Helm) would take for a boolean, number or date: `on`, `yes`, `0777`, `22:22`.
// No block scalars: the yaml package writes some (a line of spaces, then a break) that do not read back exactly.
// No multi-line double-quoted strings either: from 40 characters on, the package breaks a quoted string at
// each newline, and a line of only spaces came back with a backslash in it ("a\n \n'..." read as "a\n\\\n'...");
// every newline stays the escape \n on one line.
const OPTIONS = { version: '1.1', lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false, blockQuote: false, doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER } as const;

// A plain `<<` is YAML 1.1's merge key (PyYAML and go-yaml merge the map after it into its parent),
// and the yaml package writes the string plain: as an explicit string it stays one key or value.
const STRING_TAG = 'tag:yaml.org,2002:str';

function stringifyValue(value: unknown, options: typeof OPTIONS & { readonly sortMapEntries?: boolean }): string {
  const doc = new Document(value, options);
  visit(doc, {
    Scalar(_, node) {
      if (node.value === '<<') node.tag = STRING_TAG;
    },
  });
  return doc.toString(options);
}

/** One YAML document for a value, keys in insertion order, never folded, never aliased. */
export function toYaml(value: unknown): string {
  return stringifyValue(value, OPTIONS);
}

/** YAML of a value with every map's keys sorted (Helm's `toYaml` sorts keys). */
export function toSortedYaml(value: unknown): string {
  return stringifyValue(value, { ...OPTIONS, sortMapEntries: true });
}

/** Several YAML documents separated by `---`. */
export function toYamlDocuments(values: readonly unknown[]): string {
  return values.map(toYaml).join('---\n');
}

/** Every document of a YAML text as data, read the way Kubernetes reads it (YAML 1.1); empty documents dropped. */
export function parseYamlDocuments(text: string): unknown[] {
  return parseAllDocuments(text, { version: '1.1' })
    .flatMap((d) => ('toJS' in d ? [d.toJS() as unknown] : []))
    .filter((d) => d !== null && d !== undefined);
}
