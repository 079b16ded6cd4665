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

  it('says which path or port and what to do for errors of the environment, not "a bug"', () => {
    const errno = (code: string, extra: object) =>
      Object.assign(new Error(`${code}: raw`), { code, ...extra });
    const full = formatError(errno('ENOSPC', { path: '/mnt/small/run.json' }), false);
    expect(full).toBe(
      'error: the disk is full (/mnt/small/run.json): no space left on the device\n' +
        'Free some space there, or write elsewhere (--out <dir>), then run the command again.',
    );
    expect(formatError(errno('EROFS', { path: '/ro/x' }), false)).toContain(
      '(/ro/x): the file system is read-only',
    );
    expect(formatError(errno('EACCES', { path: '/root/x', syscall: 'open' }), false)).toContain(
      'permission denied (/root/x) (open)',
    );
    const port = formatError(errno('EADDRINUSE', { port: 8080, address: '127.0.0.1' }), false);
    expect(port).toContain('port 8080 on 127.0.0.1 is already in use');
    expect(port).toContain('--port');
    for (const text of [full, port]) expect(text).not.toContain('looks like a bug');
    const wrapped = formatError(
      new ModelsError('SAVE_FAILED', 'the model could not be saved', {
        cause: errno('ENOSPC', { path: '/d' }),
      }),
      false,
    );
    expect(wrapped).toBe(
      'error: the model could not be saved\nFree some space there, or write elsewhere (--out <dir>), then run the command again.',
    );
  });

  it('prints any branded fmnist error as it is', () => {
    const error = Object.assign(new Error('run.json is damaged'), {
      [Symbol.for('fmnist.error')]: 'RunsError',
    });
    expect(formatError(error, false)).toBe('error: run.json is damaged');
  });

  it('prints any fmnist error as it is, by its brand alone, with a code and no kind', () => {
    const error = usageError('no preset');
    expect(error.code).toBe('INVALID_USAGE');
    expect('kind' in error).toBe(false);
    expect(formatError(new DatasetError('FILES_NOT_FOUND', 'no files'), false)).toBe(
      'error: no files',
    );
    const copy = { message: 'from another copy', [Symbol.for('fmnist.error')]: 'TrainError' };
    expect(formatError(copy, false)).toBe('error: from another copy');
  });

  it('flags unexpected errors as bugs', () => {
    expect(formatError(new TypeError('x is undefined'), false)).toContain('looks like a bug');
  });
});
