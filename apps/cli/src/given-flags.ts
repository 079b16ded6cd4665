import type { Command } from 'commander';
import { usageError } from './errors.js';

/** The flags typed on the command line, other than `allowed` (attribute names), as `--kebab-case`. */
export function givenFlagsExcept(command: Command, allowed: ReadonlySet<string>): string[] {
  return command.options
    .map((option) => option.attributeName())
    .filter((key) => command.getOptionValueSource(key) === 'cli' && !allowed.has(key))
    .map((key) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
}

/**
 * Refuse flags that `--resume` does not take (the run or experiment keeps its own settings).
 *
 * @param allowed - the attribute names that go with `--resume`
 * @param what - how the refusal starts, e.g. `--resume continues a run with the settings it started with`
 * @throws {CliError} a usage error naming the flags given, with `hint`.
 */
export function checkResumeFlags(
  command: Command,
  allowed: ReadonlySet<string>,
  what: string,
  hint: string,
): void {
  const flags = givenFlagsExcept(command, allowed);
  if (flags.length > 0) throw usageError(`${what}; it cannot take ${flags.join(', ')}`, hint);
}
