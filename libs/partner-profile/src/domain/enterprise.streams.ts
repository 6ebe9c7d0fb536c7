import { streamCategory } from '#core';

/** The partner profile's stream: one per worldwide enterprise. */
export const enterpriseStream = streamCategory('enterprise');
