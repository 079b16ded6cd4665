import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { createProgram } from './program.js';

/** Every command under `program`, subcommands too, with its full name. */
function allCommands(command: Command, prefix = ''): [string, Command][] {
  const name = `${prefix}${command.name()}`;
  return [[name, command], ...command.commands.flatMap((sub) => allCommands(sub, `${name} `))];
}

describe('--help of every command', () => {
  const commands = allCommands(createProgram());

  it.each(commands)('%s: its description is one paragraph, wrapped by commander', (_, command) => {
    // A hand-placed line break inside a paragraph that commander then wraps again comes out ragged.
    expect(command.description()).not.toMatch(/[^\n]\n[^\n]/);
  });

  it.each(commands)('%s: no option says its default twice', (_, command) => {
    for (const option of command.options) {
      const saysDefault = /\(default: /.test(option.description);
      expect(
        saysDefault && option.defaultValue !== undefined,
        `${option.flags}: "${option.description}" and commander's (default: ${String(option.defaultValue)})`,
      ).toBe(false);
    }
  });
});
