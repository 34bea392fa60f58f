/**
 * VPS packager: runs a cloud manifest on one existing server - the
 * environment's complete Compose file behind a Caddy reverse proxy, a
 * systemd unit, and the deploy and smoke scripts. Every
 * value from the manifest is data in every file it writes.
 *
 * @packageDocumentation
 * @module @deployment-manager/packager-vps
 */
export { checkHostEnvironment, checkHostManifest, createVpsPackager, writeHostFiles, type VpsPackagerOptions } from './packager.ts';
export { composeHostNotes, renderComposeHost, type ComposeHostOptions, type ComposeHostRender, type HostFile } from './render-host.ts';
export type { HostEnvOverride, HostEnvironment } from './host-environment.ts';
export { HOST_DIAGNOSTIC_CODES, type HostDiagnosticCode } from './diagnostic-codes.ts';
export { composeArgs, dnsName, hostLayout, secretFileKey, type HostLayout } from './host-layout.ts';
export { hostCompose, renderHostCompose, type HostComposeOptions } from './host-compose.ts';
export { renderComposeOverride } from './compose-override.ts';
export { renderCaddyfile } from './caddyfile.ts';
export { renderSystemdUnit } from './systemd-unit.ts';
export { renderDeployScript, suppliedSecretName, type DeployScriptInput } from './deploy-script.ts';
export { generatorCommand } from './generator-commands.ts';
export { deriveSmokeChecks, renderSmokeScript, type SmokeCheck, type SmokeRuntime } from './smoke.ts';
