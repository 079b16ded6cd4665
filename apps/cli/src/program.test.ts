import { describe, expect, it } from 'vitest';
import { runCli } from '../test/run-cli.js';

describe('fmnist (the program)', () => {
  it('prints help with the commands, examples and exit codes', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['data', 'presets', 'train', 'evaluate', 'report', 'predict', 'bench']) {
      expect(result.stdout).toContain(command);
    }
    expect(result.stdout).toContain('Examples:');
    expect(result.stdout).toContain('Exit codes');
  });

  it('prints its version', async () => {
    const result = await runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each([
    ['data', ['fetch', 'verify', 'info', 'show']],
    ['train', ['--preset', '--resume', '--early-stopping']],
    ['evaluate', ['--split']],
    ['report', ['--format']],
    ['predict', ['--json']],
    ['bench', ['--backend']],
    ['presets', ['--json']],
  ])('has help with examples for %s', async (command, words) => {
    const result = await runCli([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Examples:');
    for (const word of words) expect(result.stdout).toContain(word);
  });

  it('exits 2 on an unknown command, with a did-you-mean and the valid commands', async () => {
    const result = await runCli(['trian']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'trian'");
    expect(result.stderr).toContain('Did you mean train?');
    expect(result.stderr).toContain('Commands of fmnist: data, presets, train');
    expect(result.stdout).toBe('');
  });

  it('exits 2 on an unknown option, with a did-you-mean and the valid options', async () => {
    const result = await runCli(['train', '--epoch', '3']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--epoch'");
    expect(result.stderr).toContain('Did you mean --epochs?');
    expect(result.stderr).toMatch(/Options of fmnist train: .*--batch-size/);
  });

  it('exits 2 on an unknown data subcommand', async () => {
    const result = await runCli(['data', 'fech']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Did you mean fetch?');
    expect(result.stderr).toContain('Commands of fmnist data: fetch, verify, info, show');
  });

  it('exits 2 with help when no command is given', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: fmnist');
  });
});
