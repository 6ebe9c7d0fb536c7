import { streamCategory } from '#core';

/** Site access's streams: one per site, one per person's preferences, one per e-mail delivery. */
export const siteStream = streamCategory('site');
export const userStream = streamCategory('user', (userId) => userId.toLowerCase());
export const notificationStream = streamCategory('notification');
