import { stringify } from 'yaml';
import type { HostLayout } from '@deployment-manager/packager-vps';

/** Options of {@link renderCloudInit}. */
export interface CloudInitOptions {
  /** Host layout (directory, project). */
  readonly layout: HostLayout;
  /**
   * Shell that prints the block device of the data volume once it is attached
   * (it may loop until then). Omit when there is no data volume.
   */
  readonly findDataDevice?: string;
}

/**
 * Renders the `#cloud-config` user data of a compose host: Docker and
 * Compose v2 from the distribution, rsync for deploys, Docker's data root on
 * the attached data volume (formatted on first boot only, mounted by UUID),
 * and the deployment directory with a private `secrets/` folder. Secret
 * values are never part of it: deploy.sh delivers them over ssh. Pure.
 *
 * @example
 * ```ts
 * renderCloudInit({ layout, findDataDevice: 'echo /dev/disk/by-id/scsi-0DO_Volume_data' })
 * ```
 */
export function renderCloudInit(options: CloudInitOptions): string {
  const { layout } = options;
  const mount =
    options.findDataDevice === undefined
      ? []
      : [
          [
            'bash',
            '-c',
            [
              'set -eu',
              `dev="$(${options.findDataDevice})"`,
              'blkid "$dev" >/dev/null 2>&1 || mkfs.ext4 -q "$dev"',
              'mkdir -p /mnt/data',
              'uuid="$(blkid -s UUID -o value "$dev")"',
              'grep -q "$uuid" /etc/fstab || echo "UUID=$uuid /mnt/data ext4 defaults,nofail,discard 0 2" >> /etc/fstab',
              'mount -a',
              'systemctl restart docker',
            ].join('\n'),
          ],
        ];
  const config = {
    package_update: true,
    packages: ['docker.io', 'docker-compose-v2', 'rsync'],
    write_files: options.findDataDevice === undefined ? [] : [{ path: '/etc/docker/daemon.json', permissions: '0644', content: '{"data-root": "/mnt/data/docker"}\n' }],
    runcmd: [...mount, ['mkdir', '-p', `${layout.dir}/${layout.secretsDir}`], ['chmod', '700', `${layout.dir}/${layout.secretsDir}`], ['systemctl', 'enable', '--now', 'docker']],
  };
  return `#cloud-config\n${stringify(config, { lineWidth: 0 })}`;
}
