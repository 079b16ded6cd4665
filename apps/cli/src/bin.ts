// The fmnist command line: see apps/cli/README.md.
import { CommanderError } from 'commander';
import pc from 'picocolors';
import { EXIT_CODES, formatError, toExitCode } from './errors.js';
import { createProgram } from './program.js';

// `fmnist report … | head` closes stdout early: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_CODES.ok);
    throw error;
  });
}

const program = createProgram();
try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Commander has already printed its own usage errors (and help / the version).
  if (!(error instanceof CommanderError)) {
    const verbose = program.opts<{ verbose?: boolean }>().verbose === true;
    process.stderr.write(`${pc.red(formatError(error, verbose))}\n`);
  }
  process.exitCode = toExitCode(error);
}
process.exitCode ??= EXIT_CODES.ok;
