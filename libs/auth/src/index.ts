export * from './auth.guard.js';
export * from './auth.module.js';
export * from './current-principal.decorator.js';
export * from './dev-secret.js';
export * from './jwt-verifier.js';
export * from './principal.js';
export * from './token-minter.js';
export * from './whoami.controller.js';
