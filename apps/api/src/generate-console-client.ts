import 'reflect-metadata';
import { ConsoleLogger } from '@nestjs/common';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CONSOLE_CLIENT_FILE, consoleOpenApiDocument, renderConsoleClient } from './console-client.js';

// `npm run console:client`: regenerates the console's typed client after an API change.
const text = await renderConsoleClient(await consoleOpenApiDocument());
mkdirSync(dirname(CONSOLE_CLIENT_FILE), { recursive: true });
writeFileSync(CONSOLE_CLIENT_FILE, text);
// Its own ConsoleLogger: building the document silences Nest's shared Logger (logger: false).
new ConsoleLogger('ConsoleClient').log(`wrote ${CONSOLE_CLIENT_FILE} (${text.length} characters)`);
