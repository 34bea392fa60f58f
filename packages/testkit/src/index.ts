/**
 * Private test kit: the packager contract suite, fast-check arbitraries and fixture helpers.
 *
 * @packageDocumentation
 * @module @deployment-manager/testkit
 */
export { listTree, packagerContractSuite, type PackagerContractInput } from './packager-contract.ts';
export { sharedDir, sharedFixture } from './fixtures.ts';
