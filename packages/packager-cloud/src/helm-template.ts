import { SdkError } from '@deployment-manager/core';
import { isHole, type Hole } from './holes.ts';
import type { KubernetesFile } from './kubernetes.ts';
import { toYamlDocuments } from './yaml-text.ts';

/** Escapes literal `{{` so Go templates print it instead of starting an action. */
export function escapeTemplateText(text: string): string {
  return text.replace(/\{\{/g, '{{ "{{" }}');
}

function sentinelPrefix(objects: unknown): string {
  const json = JSON.stringify(objects);
  let prefix = 'zzdmhole';
  while (json.includes(prefix)) prefix = `z${prefix}`;
  return prefix;
}

/**
 * The chart template of one Kubernetes file: the plain YAML with each hole
 * replaced by its template action (`{{ expr }}`, `{{ expr | quote }}`, or
 * `{{- toYaml expr | nindent N }}` under its key), literal `{{` escaped, and
 * the whole file wrapped in `{{- if cond }}` when it has a condition.
 */
export function templateOf(file: KubernetesFile): string {
  const prefix = sentinelPrefix(file.objects);
  const holes: Hole[] = [];
  const mark = (x: unknown): unknown => {
    if (isHole(x)) {
      holes.push(x);
      return `${prefix}${holes.length - 1}zz`;
    }
    if (Array.isArray(x)) return x.map(mark);
    if (typeof x === 'object' && x !== null) return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, mark(v)]));
    return x;
  };
  const text = escapeTemplateText(toYamlDocuments(file.objects.map(mark)));
  const sentinel = new RegExp(`${prefix}(\\d+)zz`, 'g');
  const lines = text.split('\n').map((line) => {
    const block = new RegExp(`^(\\s*(?:- )?)([^\\s].*?):\\s${prefix}(\\d+)zz$`).exec(line);
    const blockHole = block === null ? undefined : holes[Number(block[3])];
    if (block !== null && blockHole?.mode === 'block') {
      const column = (block[1] ?? '').length;
      return `${line.slice(0, column)}${block[2] ?? ''}:\n${' '.repeat(column + 2)}{{- toYaml (${blockHole.expr}) | nindent ${column + 2} }}`;
    }
    return line.replace(sentinel, (_, n: string) => {
      const h = holes[Number(n)];
      if (h === undefined || h.mode === 'block') throw new SdkError('INTERNAL', `hole ${n} of ${file.name} cannot be written inline`, { hint: 'report this: a block value must be the value of a key' });
      return h.mode === 'quote' ? `{{ ${h.expr} | quote }}` : `{{ ${h.expr} }}`;
    });
  });
  const body = lines.join('\n');
  return file.condition === undefined ? body : `{{- if ${file.condition.expr} }}\n${body}{{- end }}\n`;
}
