// Deployment manifests: assembly, schema and semantic validation, canonical export, profiles.
export {};
