import { systemdValue } from '@deployment-manager/core';
import { composeArgs, type HostLayout } from './host-layout.ts';

/**
 * Renders the systemd unit that runs a compose project at boot: a oneshot
 * that brings the environment's Compose file up (`up -d --remove-orphans`)
 * and down on stop, after Docker. Values are written with
 * {@link systemdValue}; the layout's names and paths are DNS-safe by
 * construction. Pure.
 *
 * @example
 * ```ts
 * writeFileSync(layout.unit, renderSystemdUnit(layout, 'recipe-hub (production)'));
 * ```
 */
export function renderSystemdUnit(layout: HostLayout, description: string): string {
  const compose = `/usr/bin/docker compose ${composeArgs(layout).join(' ')}`;
  return [
    '[Unit]',
    `Description=${systemdValue(`${description} via Docker Compose`)}`,
    'Requires=docker.service',
    'After=docker.service network-online.target',
    'Wants=network-online.target',
    '',
    '[Service]',
    'Type=oneshot',
    'RemainAfterExit=yes',
    `WorkingDirectory=${systemdValue(layout.dir)}`,
    `ExecStart=${compose} up -d --remove-orphans`,
    `ExecReload=${compose} up -d --remove-orphans`,
    `ExecStop=${compose} down`,
    'TimeoutStartSec=900',
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');
}
