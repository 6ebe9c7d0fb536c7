/** Minimal `--name value` / repeated-flag parser for the CLI; unknown flags are errors. */
export function parseArgs(argv: readonly string[], allowed: readonly string[]): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] ?? '';
    if (!flag.startsWith('--')) throw new Error(`unexpected argument: ${flag}`);
    const name = flag.slice(2);
    if (!allowed.includes(name))
      throw new Error(`unknown option --${name} (allowed: ${allowed.map((a) => `--${a}`).join(', ')})`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
    values.set(name, [...(values.get(name) ?? []), value]);
    i += 1;
  }
  return values;
}
