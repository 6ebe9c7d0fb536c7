import { streamCategory } from '../../../core/src/index.js';

/** The partner profile's stream: one per worldwide enterprise. */
export const enterpriseStream = streamCategory('enterprise');
