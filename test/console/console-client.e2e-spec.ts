import { readFileSync } from 'node:fs';
import { CONSOLE_CLIENT_FILE, consoleOpenApiDocument, renderConsoleClient } from '#api/console-client';

describe('the console’s typed client (apps/console/src/api/schema.d.ts)', () => {
  it('is what openapi-typescript generates from the app’s OpenAPI document today (run `npm run console:client` after an API change)', async () => {
    const expected = await renderConsoleClient(await consoleOpenApiDocument());
    const committed = readFileSync(CONSOLE_CLIENT_FILE, 'utf8');
    // Compared whole; on failure the first differing line is named so the stale part is obvious.
    if (committed !== expected) {
      const a = committed.split('\n');
      const b = expected.split('\n');
      const line = a.findIndex((text, i) => text !== b[i]);
      throw new Error(
        `${CONSOLE_CLIENT_FILE} is stale at line ${line + 1}:\n  committed: ${a[line]}\n  generated: ${b[line]}\n` +
          'Regenerate it with `npm run console:client`.',
      );
    }
    expect(committed).toContain('"/v1/dev/sign-in"');
    expect(committed).toContain('"/v1/sign-in/options"');
  });
});
