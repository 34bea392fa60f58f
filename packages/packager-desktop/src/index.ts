// Desktop packager: electron-builder configuration, runtime manifest, staging and build plans.
export {};
