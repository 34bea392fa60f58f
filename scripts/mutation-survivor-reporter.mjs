// A StrykerJS reporter plugin for scripts/mutate.mjs: prints each surviving (or uncovered) mutant the
// moment it is tested, as `survived: file:line mutator -> replacement`, so the tests that kill it
// can be written while the rest of a long run goes on. The full list still comes at the end.

class SurvivorReporter {
  static inject = [];

  onMutantTested(result) {
    if (result.status !== 'Survived' && result.status !== 'NoCoverage') return;
    const file = result.fileName.replace(/^.*?\/(packages\/)/, '$1');
    const replacement = result.replacement === undefined ? '' : ` -> ${JSON.stringify(result.replacement).slice(0, 70)}`;
    console.log(`  ${result.status === 'Survived' ? 'survived' : 'no coverage'} (so far): ${file}:${result.location.start.line} ${result.mutatorName}${replacement}`);
  }
}

/** The plugin Stryker loads from this module (kind, name, class: what the api's declareClassPlugin returns). */
export const strykerPlugins = [{ kind: 'Reporter', name: 'survivors', injectableClass: SurvivorReporter }];
