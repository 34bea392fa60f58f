import { isDeepStrictEqual } from 'node:util';
import type { CloudManifest } from '@deployment-manager/bundle';
import { isSdkError, type Diagnostic, type PackagerNote } from '@deployment-manager/core';
import { validateDraft07 } from './chart-schema.ts';
import { CHART_YAML_SCHEMA } from './chart-yaml-schema.ts';
import { composeText, renderCompose, type ComposeFile } from './compose.ts';
import { checkComposeSemantics, validateComposeSchema } from './compose-validate.ts';
import { cloudDiagnostic } from './diagnostic-codes.ts';
import { fillHoles } from './holes.ts';
import { buildHelmChart, renderHelmChart, type HelmChart } from './helm-chart.ts';
import { helmSecretTemplate } from './helm-secret.ts';
import { renderKubernetes, type KubernetesFile } from './kubernetes.ts';
import { validateKubernetesObject } from './kubernetes-validate.ts';
import { secretKey } from './names.ts';
import { note, sortNotes } from './notes.ts';
import { resolveCloudOptions, type CloudPackagerOptions, type CloudTarget, type ResolvedCloudOptions } from './options.ts';
import { renderDeployReadme } from './readme.ts';
import { composeSecretPaths, remoteKey, renderSecrets } from './secret-wiring.ts';
import { promptVariable, renderComposeSecretsScript, renderKubernetesSecretsScript } from './secret-scripts.ts';
import { parseYamlDocuments, toYaml, toYamlDocuments } from './yaml-text.ts';

/** One file the cloud packager writes, with its content. */
export interface CloudFile {
  /** POSIX path relative to the output directory. */
  readonly path: string;
  /** IANA media type. */
  readonly mediaType: string;
  /** Exact text written (UTF-8). */
  readonly content: string;
}

/** Everything the cloud packager would write for a manifest, computed without writing. */
export interface CloudPlan {
  /** Options with defaults applied. */
  readonly options: ResolvedCloudOptions;
  /** The Compose file as data. */
  readonly compose: ComposeFile;
  /** The plain Kubernetes objects per file (`kubernetes/<name>`). */
  readonly kubernetes: ReadonlyMap<string, readonly Readonly<Record<string, unknown>>[]>;
  /** The Helm chart. */
  readonly chart: HelmChart;
  /** Every file of the selected targets, sorted by path. */
  readonly files: readonly CloudFile[];
  /** What the targets cannot express, sorted by path. */
  readonly notes: readonly PackagerNote[];
  /** Problems found validating the artifacts (errors block packing). */
  readonly issues: readonly Diagnostic[];
}

const YAML = 'application/yaml';
const SHELL = 'text/x-shellscript';

function helmIssues(chart: HelmChart, files: readonly KubernetesFile[], plain: ReadonlyMap<string, string>): Diagnostic[] {
  const dir = `helm/${chart.name}`;
  const issues = [...validateDraft07(chart.chart, CHART_YAML_SCHEMA, 'CLOUD_HELM_CHART_INVALID', `${dir}/Chart.yaml`), ...validateDraft07(chart.values, chart.valuesSchema, 'CLOUD_HELM_VALUES_INVALID', `${dir}/values.yaml`)];
  let rendered: Map<string, string>;
  try {
    rendered = renderHelmChart(chart);
  } catch (error) {
    if (!isSdkError(error)) throw error;
    return [...issues, cloudDiagnostic('CLOUD_HELM_RENDER_FAILED', `the chart does not render with its default values: ${error.message}`, { file: dir, hint: 'this is a packager bug; report it with the manifest' })];
  }
  for (const [name, text] of rendered) {
    const expected = files.some((f) => f.name === name) ? parseYamlDocuments(plain.get(name) ?? '') : [];
    if (!isDeepStrictEqual(parseYamlDocuments(text), expected)) {
      issues.push(cloudDiagnostic('CLOUD_HELM_RENDER_MISMATCH', `templates/${name} rendered with the default values differs from kubernetes/${name}`, { file: `${dir}/templates/${name}`, hint: 'this is a packager bug; report it with the manifest' }));
    }
  }
  return issues;
}

function secretNotes(manifest: CloudManifest, filePaths: ReadonlyMap<string, string>): PackagerNote[] {
  const notes: PackagerNote[] = [];
  for (const [i, s] of (manifest.secrets ?? []).entries()) {
    const at = ['secrets', i];
    if (s.class === 'per_install_generated') {
      notes.push(note('emulated', 'secrets.per_install_generated', `secret "${s.id}" is generated at install by create-secrets.sh (Compose: secrets/${secretKey(s.id)}; Kubernetes: Secret ${manifest.app.name}-secrets), or by the chart with secrets.create=true; existing values are kept`, at));
    } else if (s.class === 'user_prompt') {
      notes.push(note('emulated', 'secrets.user_prompt', `secret "${s.id}" is asked at install by create-secrets.sh (from $${promptVariable(s)} or the terminal), or is the required chart value secrets.values.${secretKey(s.id)} with secrets.create=true`, at));
    } else if (s.class === 'remote_fetch') {
      notes.push(note('lost', 'compose.secrets', `Compose reads no secret store: the operator writes secret "${s.id}" (key ${remoteKey(manifest, s).key}) to compose/secrets/${secretKey(s.id)}${s.target.type === 'env' ? '.env' : ''}`, at));
    }
    const path = filePaths.get(s.id);
    if (path !== undefined) notes.push(note('emulated', 'secrets.file', `file secret "${s.id}" is mounted read-only at ${path} in every container that uses it (Compose and Kubernetes)`, [...at, 'target']));
  }
  return notes;
}

function keepNote(n: PackagerNote, targets: readonly CloudTarget[]): boolean {
  if (n.feature.startsWith('compose.')) return targets.includes('compose');
  if (n.feature.startsWith('kubernetes.')) return targets.includes('kubernetes') || targets.includes('helm');
  if (n.feature.startsWith('helm.')) return targets.includes('helm');
  return true;
}

/**
 * Plans every artifact of the cloud packager for a (checked) manifest and
 * validates each offline: compose.yaml against the Compose Specification
 * schema and for meaning; every Kubernetes object against kubernetes-models
 * plus an unknown-field check; Chart.yaml against its schema, values.yaml
 * against the generated values.schema.json, and the chart rendered with its
 * default values against the plain manifests. Pure apart from reading the
 * bundled compose schema once.
 *
 * @example
 * ```ts
 * const plan = planCloud(manifest);
 * for (const f of plan.files) console.log(f.path);
 * ```
 */
export function planCloud(manifest: CloudManifest, packagerOptions: CloudPackagerOptions = {}): CloudPlan {
  const options = resolveCloudOptions(packagerOptions);
  const secrets = renderSecrets(manifest, options);
  const filePaths = composeSecretPaths(manifest, secrets);
  const compose = renderCompose(manifest, options, filePaths);
  const kube = renderKubernetes(manifest, options, secrets);
  const chart = buildHelmChart(manifest, kube.files, helmSecretTemplate(manifest, secrets.all.secret));

  const plainObjects = new Map(kube.files.map((f) => [f.name, f.objects.map(fillHoles) as Readonly<Record<string, unknown>>[]] as const));
  const plainText = new Map([...plainObjects].map(([name, objects]) => [name, toYamlDocuments(objects)] as const));
  const issues: Diagnostic[] = [];
  if (options.targets.includes('compose')) issues.push(...validateComposeSchema(compose.compose, options.composeSchema), ...checkComposeSemantics(compose.compose));
  if (options.targets.includes('kubernetes') || options.targets.includes('helm')) {
    for (const [name, objects] of plainObjects) for (const o of objects) issues.push(...validateKubernetesObject(o, `kubernetes/${name}`));
  }
  if (options.targets.includes('helm')) issues.push(...helmIssues(chart, kube.files, plainText));

  const composeScript = renderComposeSecretsScript(manifest);
  const kubeScript = renderKubernetesSecretsScript(manifest);
  const files: { path: string; mediaType: string; content: string }[] = [];
  if (options.targets.includes('compose')) {
    files.push({ path: 'compose/compose.yaml', mediaType: YAML, content: composeText(manifest, compose.compose, composeScript !== undefined) });
    if (composeScript !== undefined) files.push({ path: 'compose/create-secrets.sh', mediaType: SHELL, content: composeScript });
  }
  if (options.targets.includes('kubernetes')) {
    for (const [name, text] of plainText) files.push({ path: `kubernetes/${name}`, mediaType: YAML, content: text });
    if (kubeScript !== undefined) files.push({ path: 'kubernetes/create-secrets.sh', mediaType: SHELL, content: kubeScript });
  }
  if (options.targets.includes('helm')) {
    const dir = `helm/${chart.name}`;
    files.push(
      { path: `${dir}/Chart.yaml`, mediaType: YAML, content: toYaml(chart.chart) },
      { path: `${dir}/values.yaml`, mediaType: YAML, content: `# Default values: the chart rendered with these is exactly the manifests in kubernetes/.\n${toYaml(chart.values)}` },
      { path: `${dir}/values.schema.json`, mediaType: 'application/schema+json', content: `${JSON.stringify(chart.valuesSchema, null, 2)}\n` },
      ...[...chart.templates].map(([name, text]) => ({ path: `${dir}/templates/${name}`, mediaType: YAML, content: text })),
    );
  }
  const remote = (manifest.secrets ?? []).some((s) => s.class === 'remote_fetch');
  const promptVars = (manifest.secrets ?? []).filter((s) => s.class === 'user_prompt').map(promptVariable);
  files.push({ path: 'README.md', mediaType: 'text/markdown', content: renderDeployReadme(manifest, options.targets, { composeSecrets: composeScript !== undefined, kubeSecrets: kubeScript !== undefined, remote, promptVars }) });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const allNotes = [...compose.notes, ...kube.notes, ...chart.notes, ...secretNotes(manifest, new Map([...filePaths.values()].flatMap((m) => [...m])))];
  return { options, compose: compose.compose, kubernetes: plainObjects, chart, files, notes: sortNotes(allNotes.filter((n) => keepNote(n, options.targets))), issues };
}
