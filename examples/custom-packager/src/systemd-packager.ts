import {
  createArtifactWriter,
  createDiagnosticBuilder,
  defineDiagnosticCodes,
  definePackager,
  jsonPointer,
  type Diagnostic,
  type DiagnosticCodeTable,
  type Packager,
  type PackagerNote,
} from '@deployment-manager/core';

/** The codes this packager's check reports: declared once, so a typo in a code does not compile. */
type SystemdDiagnosticCode = 'UNIT_NAME_INVALID' | 'UNIT_AFTER_UNKNOWN';

/** Severity and meaning of each {@link SystemdDiagnosticCode}. */
const SYSTEMD_DIAGNOSTIC_CODES: DiagnosticCodeTable<SystemdDiagnosticCode> = defineDiagnosticCodes({
  UNIT_NAME_INVALID: { severity: 'error', summary: 'a service id is not a valid unit name' },
  UNIT_AFTER_UNKNOWN: { severity: 'error', summary: 'a service starts after a service the bundle does not have' },
});

const systemdDiagnostic = createDiagnosticBuilder(SYSTEMD_DIAGNOSTIC_CODES);

/** The tiny bundle this example packager accepts: services with a command and an optional port. */
export interface ServiceBundle {
  readonly app: string;
  readonly services: readonly { readonly id: string; readonly command: string; readonly port?: number; readonly after?: readonly string[]; readonly healthPath?: string }[];
}

/**
 * A packager that turns each service into a systemd unit - about 60 lines,
 * and it passes the same contract suite as the built-in packagers.
 */
export function createSystemdPackager(options: { user?: string } = {}): Packager<ServiceBundle> {
  const user = options.user ?? 'app';
  return definePackager<ServiceBundle>({
    name: 'systemd',
    target: 'systemd-units',
    check(bundle) {
      const issues: Diagnostic[] = [];
      const ids = new Set(bundle.services.map((s) => s.id));
      bundle.services.forEach((s, i) => {
        if (!/^[a-z][a-z0-9-]*$/.test(s.id)) {
          issues.push(systemdDiagnostic('UNIT_NAME_INVALID', `service id "${s.id}" is not a valid unit name`, { path: jsonPointer(['services', i, 'id']), hint: 'use lower-case letters, digits and dashes' }));
        }
        (s.after ?? []).forEach((dep, j) => {
          if (!ids.has(dep)) {
            issues.push(systemdDiagnostic('UNIT_AFTER_UNKNOWN', `service "${s.id}" starts after unknown service "${dep}"`, { path: jsonPointer(['services', i, 'after', j]), hint: 'name a service of this bundle' }));
          }
        });
      });
      return issues;
    },
    async pack(bundle, ctx) {
      const out = createArtifactWriter(ctx, 'systemd');
      const notes: PackagerNote[] = [];
      for (const [i, s] of bundle.services.entries()) {
        ctx.log({ level: 'info', packager: 'systemd', message: `writing unit for ${s.id}`, progress: i / bundle.services.length });
        const after = (s.after ?? []).map((d) => `${bundle.app}-${d}.service`).join(' ');
        if (s.healthPath !== undefined) {
          notes.push({ kind: 'lost', feature: 'health', message: `systemd has no HTTP health check; ${s.id}'s ${s.healthPath} is not enforced`, path: jsonPointer(['services', i, 'healthPath']) });
        }
        const unit = [
          '[Unit]',
          `Description=${bundle.app} ${s.id}`,
          ...(after ? [`After=${after}`, `Requires=${after}`] : []),
          '',
          '[Service]',
          `User=${user}`,
          `ExecStart=${s.command}`,
          ...(s.port === undefined ? [] : [`Environment=PORT=${s.port}`]),
          'Restart=on-failure',
          '',
          '[Install]',
          'WantedBy=multi-user.target',
          '',
        ].join('\n');
        out.write(`${bundle.app}-${s.id}.service`, unit, 'text/plain');
      }
      return { artifacts: out.artifacts, notes };
    },
  });
}
