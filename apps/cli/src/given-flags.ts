import type { Command } from 'commander';

/** The flags typed on the command line, other than `allowed` (attribute names), as `--kebab-case`. */
export function givenFlagsExcept(command: Command, allowed: ReadonlySet<string>): string[] {
  return command.options
    .map((option) => option.attributeName())
    .filter((key) => command.getOptionValueSource(key) === 'cli' && !allowed.has(key))
    .map((key) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
}
