export * from './problem.dto.js';
export * from './command-response.dto.js';
export * from './csv.js';
export * from './json-value.js';
export * from './field-change.dto.js';
export * from './list-query.dto.js';
export * from './query-routes.js';
export * from './resource-controller.js';
