import { dotenvLine, inlineText, isEnvName, parseNodeId } from '@deployment-manager/core/pure';
import type { PlannedSecret, SecretPlan } from './types.ts';


function describeGenerator(s: PlannedSecret): string {
  const g = s.generator;
  if (g === undefined) return 'generated on first run';
  switch (g.type) {
    case 'random':
      return `random, ${g.length} chars of ${typeof g.charset === 'string' ? g.charset : 'a custom alphabet'}`;
    case 'password':
      return `password, ${g.length} chars`;
    case 'uuid':
      return 'uuid';
    case 'hex':
      return `${g.bytes} random bytes, hex`;
    case 'base64':
      return `${g.bytes} random bytes, base64${g.url === true ? 'url' : ''}`;
    case 'keypair':
      return `${g.algorithm} private key`;
  }
}

function entry(s: PlannedSecret, comment: string): string[] {
  const lines = [`# ${inlineText(s.id)}${s.required ? '' : ' (optional)'}: ${inlineText(comment)}`];
  for (const t of s.targets) lines.push(t.type === 'env' && isEnvName(t.name) ? dotenvLine(t.name, '') : `# ${t.type}: ${inlineText(t.name)}`);
  return lines;
}

/**
 * Renders a `.env` template for a plan: variable names with their prompts and how
 * each is obtained, grouped by class; values are always empty. Secrets that are
 * not bundled (infrastructure, unclassified) appear only as comments. Input
 * shows in comments only as escaped one-line text, and assignments are
 * written by `dotenvLine`, so no id or description adds a line.
 *
 * @example
 * ```ts
 * writeFileSync('.env.template', renderEnvTemplate(plan));
 * ```
 */
export function renderEnvTemplate(plan: SecretPlan): string {
  const of = (cls: PlannedSecret['class']): PlannedSecret[] => plan.secrets.filter((s) => s.class === cls);
  const out: string[] = [
    `# secrets of ${inlineText(parseNodeId(plan.root).name)} for tier ${inlineText(plan.tier)}`,
    '# written by deployment-manager: names and prompts only, never values',
  ];
  const section = (title: string, list: PlannedSecret[], comment: (s: PlannedSecret) => string): void => {
    if (list.length === 0) return;
    out.push('', `# --- ${title} ---`);
    for (const s of list) out.push(...entry(s, comment(s)));
  };
  section('user_prompt: asked from the user on first run', of('user_prompt'), (s) => {
    const p = s.prompt;
    if (p === undefined) return s.description;
    return [p.label, p.description, p.format === undefined ? undefined : `format ${p.format}`, p.hint].filter((x) => x !== undefined).join(' - ');
  });
  section('per_install_generated: leave empty, generated on first run', of('per_install_generated'), (s) => `${s.description} (${describeGenerator(s)})`);
  section('remote_fetch: fetched from the secret store on first run', of('remote_fetch'), (s) => `${s.description} (remote key ${s.remote?.key ?? '?'}${s.remote?.property === undefined ? '' : `#${s.remote.property}`})`);
  const excluded = plan.secrets.filter((s) => s.class === 'infrastructure' || s.class === 'unclassified');
  if (excluded.length > 0) {
    out.push('', '# --- not bundled ---');
    for (const s of excluded) out.push(`# ${inlineText(s.id)} (${s.class}): ${inlineText(s.reason)}`);
  }
  return out.join('\n') + '\n';
}
