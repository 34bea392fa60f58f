/**
 * Terraform packager: a DigitalOcean droplet or an AWS EC2 host as a
 * Terraform module (written by a typed, `terraform fmt`-clean HCL emitter,
 * credentials only as references), its cloud-init user data, and the VPS
 * packager's compose host files that deploy onto it.
 *
 * @packageDocumentation
 * @module @deployment-manager/packager-terraform
 */
export { createAwsPackager, createDigitalOceanPackager, type TerraformPackagerOptions } from './packager.ts';
export { DEFAULT_HOST_SIZES, DEFAULT_VOLUME_GIB, persistentVolumeGiB, renderTerraformHost, type TerraformHostOptions, type TerraformHostRender, type TerraformProvider } from './render-terraform.ts';
export { attr, block, comment, emitHcl, expr, isHclIdentifier, obj, type HclAttribute, type HclBlock, type HclBodyItem, type HclComment, type HclExpression, type HclObject, type HclValue } from './hcl.ts';
export { renderTerraformModule, type TerraformModule } from './terraform-files.ts';
export { digitalOceanModule, digitalOceanVolumeDevice, type DigitalOceanModuleInput } from './terraform-digitalocean.ts';
export { AWS_BOOT_DISK_GIB, AWS_VOLUME_DEVICE, awsModule, type AwsModuleInput } from './terraform-aws.ts';
export { renderCloudInit, type CloudInitOptions } from './cloud-init.ts';
