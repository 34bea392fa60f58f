/**
 * The `deployment-manager` command line, also usable programmatically.
 *
 * @packageDocumentation
 * @module @deployment-manager/cli
 */
export { runCli, COMMANDS } from './cli.ts';
export { colour, reportError, type CliCommand, type CliIo } from './io.ts';
export { graphToJson, renderGraphTree, runGraphCommand, type GraphJson } from './commands/graph.ts';
export { GRAPH_SOURCE_OPTIONS, loadGraphSource, parsePolicy, requireWorkspace, type GraphSource, type GraphSourceValues } from './graph-source.ts';
export { renderHtmlReport, scoreColour, type HtmlReportInput } from './report/html-report.ts';
export { renderGraphSvg, type GraphSvgOptions } from './report/svg-graph.ts';
export { PACKAGE_TARGETS, runPackageCommand, type PackageJson } from './commands/package.ts';
export { issueJson, runBundleCommand, type IssueJson } from './commands/bundle.ts';
export { runProfileCommand } from './commands/profile.ts';
export { runFitnessCommand, table } from './commands/fitness.ts';
export { runSwapsCommand } from './commands/swaps.ts';
export { runSecretsCommand } from './commands/secrets.ts';
export { runPlanCommand } from './commands/plan.ts';
export { runDiffCommand } from './commands/diff.ts';
