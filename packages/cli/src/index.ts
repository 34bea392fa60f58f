/**
 * The `deployment-manager` command line, also usable programmatically.
 *
 * @packageDocumentation
 * @module @deployment-manager/cli
 */
export { runCli } from './cli.ts';
export { COMMANDS } from './command-table.ts';
export {
  defineCommand,
  type ActionSpec,
  type Command,
  type CommandDefinition,
  type CommandEntry,
  type Invocation,
  type OptionSpec,
  type OptionSpecs,
  type OptionValues,
  type PositionalSpec,
} from './command.ts';
export { closestMatch, didYouMean } from '@deployment-manager/core/pure';
export { EXIT } from './exit-codes.ts';
export { commandHelp, topHelp, usageLines } from './help-text.ts';
export { colour, type CliIo } from './io.ts';
export { parseInvocation } from './parse-invocation.ts';
export { bytesForPeople, nodeName, roundForPeople, signedForPeople } from './people-text.ts';
export { reportError, type ErrorJson, type ReportErrorOptions } from './report-error.ts';
export { sanitizeTerminalText } from './terminal-text.ts';
export { table } from './table.ts';
export { UsageError, isUsageError } from './usage-error.ts';
export { GRAPH_SOURCE_OPTIONS, SWAP_OPTION, TIER_OPTION } from './common-options.ts';
export { loadGraphSource, parsePolicy, requireWorkspace, type GraphSource, type GraphSourceValues } from './graph-source.ts';
export { requireScenario } from './require-scenario.ts';
export { renderHtmlReport, type HtmlReportInput } from './report/html-report.ts';
export { scoreColour } from '@deployment-manager/ui';
export { renderGraphSvg, renderLegendHtml, type GraphSvgOptions } from './report/svg-graph.ts';
export { graphCommand, graphToJson, renderGraphTree, type GraphJson } from './commands/graph.ts';
export { fitnessCommand } from './commands/fitness.ts';
export { swapsCommand, cascadeToJson } from './commands/swaps.ts';
export { secretsCommand, type SecretsJson } from './commands/secrets.ts';
export { bundleCommand, issueJson, type IssueJson } from './commands/bundle.ts';
export { profileCommand } from './commands/profile.ts';
export { PACKAGE_TARGETS, packageCommand, type PackageJson } from './commands/package.ts';
export { planCommand, type PlanRefusalJson } from './commands/plan.ts';
export { diffCommand, type DiffJson } from './commands/diff.ts';
export { runCommand } from './commands/run.ts';
export { filterEvents, parseSince, renderEvent, renderRuntimeStatus, runtimeAppData, runtimeCommand, type EventFilter } from './commands/runtime.ts';
export { uiCommand } from './commands/ui.ts';
