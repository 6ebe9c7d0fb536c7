import { routePattern } from './method-not-allowed.js';

describe('routePattern (the Fastify route table behind 405 answers)', () => {
  it('matches a route with parameters, with or without a trailing slash, and nothing else', () => {
    const users = routePattern('/v1/sites/:siteId/users');
    expect(users.test('/v1/sites/1001/users')).toBe(true);
    expect(users.test('/v1/sites/1001/users/')).toBe(true);
    expect(users.test('/v1/sites/1001/users/ana')).toBe(false);
    expect(users.test('/v1/sites/users')).toBe(false);
    expect(routePattern('/v1/audit.csv').test('/v1/auditxcsv')).toBe(false);
  });

  it('lets a wildcard match the rest of the path (static files under /docs)', () => {
    expect(routePattern('/docs/*').test('/docs/swagger-ui.css')).toBe(true);
    expect(routePattern('/docs/*').test('/other/swagger-ui.css')).toBe(false);
  });
});
