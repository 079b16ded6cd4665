import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const runCommand = `${root}scripts/run-command.mjs`;

/** Resolve with the first line of `stream` that matches `pattern`. */
const lineMatching = (stream, pattern) =>
  new Promise((resolve, reject) => {
    const lines = createInterface({ input: stream });
    lines.on('line', (line) => {
      const match = pattern.exec(line);
      if (match) resolve(match);
    });
    lines.on('close', () => reject(new Error(`no line matched ${pattern}`)));
  });

const exited = (child) =>
  new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));

const answers = (url) =>
  fetch(url, { signal: AbortSignal.timeout(300) }).then(
    () => true,
    () => false,
  );

describe('root package.json scripts', () => {
  it('each runs through exec node scripts/run-command.mjs, so signals reach the program', () => {
    const { scripts } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
    for (const [name, command] of Object.entries(scripts)) {
      expect(command, name).toMatch(/^exec node scripts\/run-command\.mjs /);
    }
  });

  it('SIGTERM to the PID of `pnpm fmnist view` stops the server within 2 s', async () => {
    // detached: its own process group, as a shell's background job (`pnpm fmnist view &`).
    const pnpm = spawn('pnpm', ['fmnist', 'view', '--port', '0'], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const done = exited(pnpm);
    const [, url] = await lineMatching(pnpm.stdout, /fmnist viewer: (\S+)/);
    expect(await answers(url)).toBe(true);
    // A page left open holds its change stream (server-sent events) open: that must not keep it up.
    const events = new AbortController();
    const stream = await fetch(new URL('api/events', url), { signal: events.signal });
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const sent = Date.now();
    pnpm.kill('SIGTERM');
    let up = true;
    while (up && Date.now() - sent < 2000) {
      up = await answers(url);
      if (up) await new Promise((wait) => setTimeout(wait, 100));
    }
    expect(up, `the viewer still answered ${Date.now() - sent} ms after SIGTERM`).toBe(false);
    events.abort();
    await done;
  });
});

describe('scripts/run-command.mjs', () => {
  const program = `
    process.on('SIGINT', () => console.log('child: SIGINT'));
    process.on('SIGTERM', () => { console.log('child: SIGTERM'); process.exit(3); });
    console.log('child: ready');
    setInterval(() => {}, 1000);`;

  it('forwards SIGTERM to the program, passes on its exit code and starts no further step', async () => {
    const child = spawn(
      'node',
      [runCommand, 'node', '-e', program, '&&', 'node', '-e', 'console.log("second step")'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    await lineMatching(child.stdout, /child: ready/);
    child.kill('SIGTERM');
    expect(await exited(child)).toEqual({ code: 3, signal: null });
    expect(out).toContain('child: SIGTERM');
    expect(out).not.toContain('second step');
  });

  it('does not pass on SIGINT (a terminal already sends Ctrl-C to the program itself)', async () => {
    const child = spawn('node', [runCommand, 'node', '-e', program], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    await lineMatching(child.stdout, /child: ready/);
    child.kill('SIGINT');
    await new Promise((wait) => setTimeout(wait, 300));
    expect(out).not.toContain('child: SIGINT');
    child.kill('SIGTERM');
    expect(await exited(child)).toEqual({ code: 3, signal: null });
  });

  it('runs the steps in --cwd, one after the other while each succeeds', async () => {
    const child = spawn(
      'node',
      [
        runCommand,
        '--cwd',
        '/tmp',
        'node',
        '-e',
        'console.log(process.cwd())',
        '&&',
        'node',
        '-e',
        'process.exit(4)',
        '&&',
        'node',
        '-e',
        'console.log("not run")',
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    expect(await exited(child)).toEqual({ code: 4, signal: null });
    expect(out).toBe('/tmp\n');
  });

  it('dies of the signal that killed the program', async () => {
    const child = spawn('node', [runCommand, 'node', '-e', 'process.kill(process.pid, "SIGKILL")']);
    expect(await exited(child)).toEqual({ code: null, signal: 'SIGKILL' });
  });
});
