#!/usr/bin/env node
// Runs a root package.json script's command(s) so that a signal sent to the PID of `pnpm <script>`
// reaches the program doing the work. pnpm hands a script to `sh -c` and, on SIGTERM, signals only
// its own child: without this the shell dies and the program (a server, a training) keeps running.
// Each root script is `exec node scripts/run-command.mjs <program> [args…] ['&&' <program> …]`:
// `exec` makes this process pnpm's child, and this process then
//   - forwards SIGTERM and SIGHUP to the running program and starts no further step;
//   - ignores SIGINT: a terminal's Ctrl-C already reaches the program (same process group), and
//     pnpm forwards its own copy to its child — passing that on would count as a second Ctrl-C
//     (which the CLI treats as "quit at once");
//   - exits with the program's exit code, or dies of the same signal.
// Steps separated by a '&&' argument run one after the other while each succeeds, as in sh.
// `--cwd <dir>` first runs them in <dir>: the `fmnist` script passes "$INIT_CWD" (where the user
// typed `pnpm fmnist`), so paths in its arguments and in the hints it prints are the user's own.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

const argv = process.argv.slice(2);
let cwd;
if (argv[0] === '--cwd') {
  cwd = argv[1] || undefined;
  argv.splice(0, 2);
}
const steps = [[]];
for (const arg of argv) {
  if (arg === '&&') steps.push([]);
  else steps.at(-1).push(arg);
}
if (steps.some((step) => step.length === 0)) {
  console.error(
    "run-command: usage: run-command.mjs [--cwd <dir>] <program> [args…] ['&&' <program> [args…]]…",
  );
  process.exit(2);
}

let child;
let stopping = false;
const forward = (signal) => {
  stopping = true;
  child?.kill(signal);
};
process.on('SIGTERM', () => forward('SIGTERM'));
process.on('SIGHUP', () => forward('SIGHUP'));
process.on('SIGINT', () => {
  stopping = true;
});

/** Run one step; resolve to its exit code, or to the signal that ended it. */
const runStep = ([program, ...args]) =>
  new Promise((done) => {
    child = spawn(program, args, { stdio: 'inherit', cwd });
    child.on('error', (error) => {
      console.error(`run-command: could not start ${program}: ${error.message}`);
      done({ code: 127 });
    });
    child.on('exit', (code, signal) => done({ code, signal }));
  });

for (const step of steps) {
  const { code, signal } = await runStep(step);
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
    setTimeout(() => process.exit(128 + (constants.signals[signal] ?? 0)), 100);
    break;
  }
  if (code !== 0 || stopping) process.exit(code ?? 1);
}
