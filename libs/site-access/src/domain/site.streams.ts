import { streamCategory } from '#core';

/** Site access's streams: one per site, one per person's preferences, one per e-mail delivery, one per scheduled notice. */
export const siteStream = streamCategory('site');
export const userStream = streamCategory('user', (userId) => userId.toLowerCase());
export const notificationStream = streamCategory('notification');
export const noticeStream = streamCategory('notice');
