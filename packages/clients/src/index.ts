/**
 * Typed HTTP clients for the live services: analyzer, secrets manager, desktop packager, issue tracker.
 *
 * @packageDocumentation
 * @module @deployment-manager/clients
 */
export {};
