// Mobile packager: Capacitor configuration, server-side moves and the mobile secret plan.
export {};
