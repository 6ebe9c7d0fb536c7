export * from './event-store.module.js';
export * from './event-store.port.js';
export * from './pipeline/command-meta.js';
export * from './pipeline/command-pipeline.js';
export * from './sqlite/sqlite-event-store.js';
export * from './pipeline/command-response.js';
export * from './integrity/verify-chains.js';
export * from './application/command-service.js';
