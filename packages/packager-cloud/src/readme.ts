import type { CloudManifest } from '@deployment-manager/bundle';
import type { CloudTarget } from './options.ts';

/** The README written beside the artifacts: how to deploy with each target written. */
export function renderDeployReadme(manifest: CloudManifest, targets: readonly CloudTarget[], has: { composeSecrets: boolean; kubeSecrets: boolean; remote: boolean; promptVars: readonly string[] }): string {
  const app = manifest.app.name;
  const out = [
    `# ${app} ${manifest.app.version} (${manifest.tier})`,
    '',
    'Written by deployment-manager from the cloud manifest. No file here holds a secret value.',
    'Services reach each other by service id on their container ports.',
  ];
  const prompts = has.promptVars.length === 0 ? '' : ` (prompted values come from ${has.promptVars.map((v) => `\`${v}\``).join(', ')}, or the terminal)`;
  if (targets.includes('compose')) {
    out.push('', '## Docker Compose', '', 'Build contexts are relative to `compose/`: copy it into the scenario directory (or adjust `build.context`).', '', '```sh');
    if (has.composeSecrets) out.push(`sh compose/create-secrets.sh   # writes compose/secrets/ once${prompts}`);
    out.push(`docker compose -p ${app} -f compose/compose.yaml up -d --wait`, '```');
    if (has.remote) out.push('', 'Remote secrets are not fetched by Compose: write each `secrets/<id>.env` (or file) from your store; the script names the missing ones.');
  }
  if (targets.includes('kubernetes')) {
    out.push('', '## Kubernetes', '', '```sh');
    if (has.kubeSecrets) out.push(`sh kubernetes/create-secrets.sh -n <namespace>   # creates Secret ${app}-secrets once${prompts}`);
    out.push('kubectl apply -n <namespace> -f kubernetes/', '```');
  }
  if (targets.includes('helm')) {
    out.push('', '## Helm', '', `Rendered with its default values (release name \`${app}\`), the chart is exactly \`kubernetes/\`.`, '', '```sh');
    if (has.kubeSecrets) {
      out.push(`sh kubernetes/create-secrets.sh -n <namespace>   # or let the chart create the Secret:`);
      out.push(`# helm install ${app} helm/${app} -n <namespace> --set secrets.create=true${has.promptVars.length > 0 ? ' --set secrets.values.<key>=...' : ''}`);
    }
    out.push(`helm install ${app} helm/${app} -n <namespace> --wait`, '```');
  }
  if (has.remote && targets.some((t) => t !== 'compose')) out.push('', 'Remote secrets are read by the External Secrets Operator (`ExternalSecret` in `external-secret.yaml`).');
  return `${out.join('\n')}\n`;
}
