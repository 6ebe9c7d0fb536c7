export * from './document-store.port.js';
export * from './projections/projection.js';
export * from './projections/projection-runner.js';
export * from './read-consistency.interceptor.js';
export * from './read-store.module.js';
export * from './projections/unit-of-work.js';
export * from './projections/compare-read-models.js';
