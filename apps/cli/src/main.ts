import 'reflect-metadata';
import { loadConfig } from '#core';
import { rebuildCommand } from './commands/rebuild.command.js';
import { tokenCommand } from './commands/token.command.js';
import { verifyCommand } from './commands/verify.command.js';

const COMMANDS: Record<string, (argv: string[]) => Promise<string>> = {
  token: (argv) => tokenCommand(loadConfig(), argv),
  rebuild: () => rebuildCommand(loadConfig()),
  verify: async () => {
    const { ok, report } = await verifyCommand(loadConfig());
    if (!ok) process.exitCode = 1;
    return `${report}\n${ok ? 'OK: the event log and the read models verify' : 'FAILED: see above'}`;
  },
};

const [name, ...argv] = process.argv.slice(2);
const command = COMMANDS[name ?? ''];
if (!command) {
  process.stderr.write(`usage: cli <${Object.keys(COMMANDS).join('|')}> [options]\n`);
  process.exit(2);
}
try {
  process.stdout.write(`${await command(argv)}\n`);
} catch (error) {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
