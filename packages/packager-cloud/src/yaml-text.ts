import { parseAllDocuments, stringify } from 'yaml';

// YAML 1.1 output quotes every string a 1.1 reader (PyYAML in docker-compose 1.x, go-yaml in
// Kubernetes and Helm) would take for a boolean, number or date: `on`, `yes`, `0777`, `22:22`.
// No block scalars: the yaml package writes some (a line of spaces, then a break) that do not read back exactly.
const OPTIONS = { version: '1.1', lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false, blockQuote: false } as const;

/** One YAML document for a value, keys in insertion order, never folded, never aliased. */
export function toYaml(value: unknown): string {
  return stringify(value, OPTIONS);
}

/** YAML of a value with every map's keys sorted (Helm's `toYaml` sorts keys). */
export function toSortedYaml(value: unknown): string {
  return stringify(value, { ...OPTIONS, sortMapEntries: true });
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
