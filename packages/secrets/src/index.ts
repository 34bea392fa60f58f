// Secret planning per deployment tier: requirements, fail-closed classification, generation, templates.
export {};
