import { DatasetError } from '@fmnist/dataset';
import { ModelsError } from '@fmnist/models';
import { TrainError } from '@fmnist/train';
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { EXIT_CODES, failure, formatError, toExitCode, usageError } from './errors.js';

describe('toExitCode', () => {
  it('maps usage errors to 2, failures to 1, help and version to 0', () => {
    expect(toExitCode(usageError('bad flag'))).toBe(EXIT_CODES.usage);
    expect(toExitCode(failure('broke'))).toBe(EXIT_CODES.failure);
    expect(toExitCode(new CommanderError(1, 'commander.unknownOption', 'x'))).toBe(2);
    expect(toExitCode(new CommanderError(0, 'commander.helpDisplayed', 'x'))).toBe(0);
    expect(toExitCode(new CommanderError(0, 'commander.version', 'x'))).toBe(0);
    expect(toExitCode(new ModelsError('UNKNOWN_PRESET', 'x'))).toBe(2);
    expect(toExitCode(new ModelsError('INVALID_SPEC', 'x'))).toBe(1);
    expect(toExitCode(new TrainError('INVALID_OPTION', 'x'))).toBe(2);
    expect(toExitCode(new TrainError('LOSS_NOT_FINITE', 'x'))).toBe(1);
    expect(toExitCode(new DatasetError('FILES_NOT_FOUND', 'x'))).toBe(1);
    expect(toExitCode(new Error('bug'))).toBe(1);
  });
});

describe('formatError', () => {
  it('says what went wrong and what to do, in two lines', () => {
    expect(formatError(usageError('no preset', 'Pass --preset.'), false)).toBe(
      'error: no preset\nPass --preset.',
    );
  });

  it('adds the stack and causes with verbose', () => {
    const text = formatError(failure('outer', undefined, new Error('inner')), true);
    expect(text).toContain('error: outer');
    expect(text).toContain('caused by: Error: inner');
    expect(text).toContain('at ');
  });

  it('flags unexpected errors as bugs', () => {
    expect(formatError(new TypeError('x is undefined'), false)).toContain('looks like a bug');
  });
});
