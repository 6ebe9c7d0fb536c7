/** What the API, the projector and the CLI compose alike: every context's projections, audit wiring, the logger. */
export * from './projections.js';
export * from './logger.js';
export * from './rebuild/embedded-rebuild.js';
