/**
 * Model, tier vocabulary, loaders, dependency graph, errors, diagnostics and
 * the packager contract of the deployment-manager SDK. Everything of
 * `@deployment-manager/core/pure` (which bundles for the browser) plus what
 * reads and writes files.
 *
 * @packageDocumentation
 * @module @deployment-manager/core
 */
export * from './pure.ts';
export { definePackager, runPackagers, throwIfAborted } from './packager.ts';
export { createArtifactWriter, type ArtifactWriter, type WriteOptions } from './artifact-writer.ts';
export {
  DEFAULT_MAX_INPUT_BYTES,
  DEFAULT_MAX_YAML_BYTES,
  boundedReadError,
  inputByteLimit,
  readBoundedFile,
  readTextFileBounded,
  textOfBytes,
  yamlByteLimit,
  type BoundedRead,
  type BoundedReadFailure,
} from './read-bounded.ts';
export { DEFAULT_MAX_ASSET_BYTES, assetByteLimit, copyInputTree, type CopiedInput, type CopyInputOptions } from './copy-bounded.ts';
export { parseDataText, type ParseHints } from './parse-data-text.ts';
export { loadWorkspace, type LoadWorkspaceOptions } from './load-workspace.ts';
export { findDeploymentReport, loadDeploymentReport } from './load-deployment-report.ts';
export { loadCompactWorkspace, parseCompactWorkspace, type ParseCompactOptions } from './compact-workspace.ts';
