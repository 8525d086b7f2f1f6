// The command-line edge the maintenance commands share (review, watch, check-links): options read
// with node:util's parseArgs, a bad option or --help answered with the usage line, and every stop
// on exit code 2 (the content or the command line has a problem), never a stack trace.
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';

/** Prints each line on stderr and exits 2. */
export function stop(lines: readonly string[]): never {
  for (const line of lines) console.error(line);
  process.exit(2);
}

/**
 * The options given to `command`: `--help` prints `usage` and exits 0; an unknown or malformed
 * option stops with what was wrong and the usage line.
 */
export function readOptions<const T extends ParseArgsOptionsConfig>(command: string, usage: string, options: T) {
  const config = { options: { ...options, help: { type: 'boolean' as const } } };
  let values: ReturnType<typeof parseArgs<typeof config>>['values'];
  try {
    values = parseArgs(config).values;
  } catch (error) {
    return stop([`${command}: ${error instanceof Error ? error.message : String(error)}`, usage]);
  }
  if ((values as { help?: boolean }).help) {
    console.log(usage);
    process.exit(0);
  }
  return values;
}
