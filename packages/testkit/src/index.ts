/**
 * Private test kit: the packager contract suite, fast-check arbitraries and fixture helpers.
 *
 * @packageDocumentation
 * @module @deployment-manager/testkit
 */
export { listTree, packagerContractSuite, type PackagerContractInput } from './packager-contract.ts';
export { sharedDir, sharedFixture } from './fixtures.ts';
export { EXAMPLE_PROFILE, EXAMPLE_ROOT, exampleCloudApp, type ExampleCloudApp } from './example-app.ts';
export { WORKSPACE_RESOURCES, workspaceArb, type GeneratedWorkspace } from './workspace-arbitrary.ts';
export { packInBundledConsumer, type BundledConsumerInput, type BundledConsumerRun } from './bundled-consumer.ts';
export { shellShape } from './shell-shape.ts';
export { HAS_SHELLCHECK, asWritten, recordCall, runScriptsStubbed, shellSyntaxErrors, shellcheckFindings, type ScriptRun, type ScriptRunResult, type ScriptShell } from './script-batch.ts';
export { MARKER_FILE, holdsNul, hostileMaps, hostileString, replaceStrings, userStrings } from './hostile.ts';
export { caddyTokens } from './caddy-tokens.ts';
export { javaScriptSyntaxErrors } from './javascript-syntax.ts';
export { expectGoldenArtifacts } from './golden-artifacts.ts';
export { unformattedHcl } from './hcl-format.ts';
