export * from './audit-describer.port.js';
export * from './administered-scopes.port.js';
