// Private test kit: fast-check arbitraries, fixture helpers and the packager contract suite.
export {};
