import type { CloudManifest } from '@deployment-manager/bundle';
import { attr, block, comment, expr, obj } from './hcl.ts';
import type { HostLayout } from '@deployment-manager/packager-vps';
import type { TerraformModule } from './terraform-files.ts';

/** Inputs of {@link awsModule}. */
export interface AwsModuleInput {
  /** The environment-applied manifest. */
  readonly manifest: CloudManifest;
  /** Environment name. */
  readonly environment: string;
  /** Host layout. */
  readonly layout: HostLayout;
  /** EC2 instance type (from the cost estimate). */
  readonly instanceType: string;
  /** Data volume size in GiB (0: no volume). */
  readonly volumeGiB: number;
  /** Default region. Default `us-east-1`. */
  readonly region?: string;
}

/** Size (GiB) of the EC2 host's boot disk; the planner's cost estimate prices the same figure. */
export const AWS_BOOT_DISK_GIB = 25;

const ingressRule = (port: number, cidrs: ReturnType<typeof expr> | readonly string[], description: string) =>
  block('ingress', [], [attr('description', description), attr('from_port', port), attr('to_port', port), attr('protocol', 'tcp'), attr('cidr_blocks', cidrs)]);

/**
 * The Terraform module of an AWS EC2 compose host: Ubuntu 24.04 (Canonical's
 * AMI), a security group open only to ssh (restricted CIDRs), HTTP and HTTPS,
 * a gp3 data volume, and an Elastic IP. Credentials come from the AWS
 * provider's standard chain (`AWS_PROFILE`, environment, SSO) - the module
 * holds none. Pure.
 *
 * @example
 * ```ts
 * renderTerraformModule(awsModule({ manifest, environment: 'production', layout, instanceType: 't3.medium', volumeGiB: 30 }))
 * ```
 */
export function awsModule(input: AwsModuleInput): TerraformModule {
  const { manifest, environment, layout, instanceType, volumeGiB } = input;
  const tags = obj([
    ['Name', layout.project],
    ['app', manifest.app.name],
    ['environment', environment],
    ['managed-by', 'deployment-manager'],
  ]);
  const volume = volumeGiB > 0;
  return {
    'versions.tf': [
      block('terraform', [], [attr('required_version', '>= 1.5.0'), block('required_providers', [], [attr('aws', obj([['source', 'hashicorp/aws'], ['version', '~> 5.80']]))])]),
    ],
    'variables.tf': [
      block('variable', ['region'], [attr('description', 'AWS region.'), attr('type', expr('string')), attr('default', input.region ?? 'us-east-1')]),
      block('variable', ['instance_type'], [attr('description', 'EC2 instance type, chosen by the cost estimate.'), attr('type', expr('string')), attr('default', instanceType)]),
      block('variable', ['key_name'], [attr('description', 'Name of an existing EC2 key pair allowed to log in.'), attr('type', expr('string'))]),
      block('variable', ['ssh_allowed_cidrs'], [attr('description', 'Networks allowed to reach ssh.'), attr('type', expr('list(string)'))]),
    ],
    'main.tf': [
      block('provider', ['aws'], [
        comment('credentials come from the standard AWS chain (AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, SSO); none are written here'),
        attr('region', expr('var.region')),
        block('default_tags', [], [attr('tags', tags)]),
      ]),
      block('data', ['aws_ami', 'ubuntu'], [
        attr('most_recent', true),
        attr('owners', ['099720109477']),
        block('filter', [], [attr('name', 'name'), attr('values', ['ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*'])]),
      ]),
      block('resource', ['aws_security_group', 'host'], [
        attr('name', layout.project),
        attr('description', `${manifest.app.name} ${environment}: ssh, http and https only`),
        ingressRule(22, expr('var.ssh_allowed_cidrs'), 'ssh'),
        ingressRule(80, ['0.0.0.0/0'], 'http'),
        ingressRule(443, ['0.0.0.0/0'], 'https'),
        block('egress', [], [attr('from_port', 0), attr('to_port', 0), attr('protocol', '-1'), attr('cidr_blocks', ['0.0.0.0/0'])]),
      ]),
      block('resource', ['aws_instance', 'host'], [
        attr('ami', expr('data.aws_ami.ubuntu.id')),
        attr('instance_type', expr('var.instance_type')),
        attr('key_name', expr('var.key_name')),
        attr('vpc_security_group_ids', [expr('aws_security_group.host.id')]),
        attr('user_data', expr('file("${path.module}/../cloud-init.yaml")')),
        block('root_block_device', [], [attr('volume_size', AWS_BOOT_DISK_GIB), attr('volume_type', 'gp3'), attr('encrypted', true)]),
        block('metadata_options', [], [attr('http_tokens', 'required')]),
      ]),
      ...(volume
        ? [
            block('resource', ['aws_ebs_volume', 'data'], [
              attr('availability_zone', expr('aws_instance.host.availability_zone')),
              attr('size', volumeGiB),
              attr('type', 'gp3'),
              attr('encrypted', true),
            ]),
            block('resource', ['aws_volume_attachment', 'data'], [
              attr('device_name', '/dev/sdf'),
              attr('volume_id', expr('aws_ebs_volume.data.id')),
              attr('instance_id', expr('aws_instance.host.id')),
            ]),
          ]
        : []),
      block('resource', ['aws_eip', 'host'], [attr('instance', expr('aws_instance.host.id')), attr('domain', 'vpc')]),
    ],
    'outputs.tf': [
      block('output', ['host_ip'], [attr('description', 'Elastic IP of the host; point the ingress host name at it.'), attr('value', expr('aws_eip.host.public_ip'))]),
      block('output', ['ssh_destination'], [attr('description', 'ssh destination deploy.sh uses (DEPLOY_HOST).'), attr('value', expr('"ubuntu@${aws_eip.host.public_ip}"'))]),
    ],
  };
}

/**
 * Shell that waits for the EBS data volume and prints its device: on Nitro
 * instances it appears as an NVMe disk whose serial is the volume id
 * (`vol...`), not as /dev/sdf.
 */
export const AWS_VOLUME_DEVICE: string =
  'for i in $(seq 1 60); do d=$(lsblk -dno NAME,SERIAL | awk \'$2 ~ /^vol/ {print "/dev/" $1; exit}\'); [ -n "$d" ] && { echo "$d"; exit 0; }; sleep 5; done; exit 1';
