// The deployment-manager command line: graph, fitness, swaps, secrets, bundle, profile, package.
export {};
