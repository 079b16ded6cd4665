import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { resolveCacheDir } from '@fmnist/dataset';
import { startViewerServer } from '@fmnist/viewer';
import type { Command } from 'commander';
import pc from 'picocolors';
import { parsePort } from '../parse-options.js';

const EXAMPLES = `
Examples:
  $ fmnist view                      # ./runs and ./experiments, at a free port
  $ fmnist view results --port 8080  # results/runs and results/experiments
  $ fmnist view runs --open          # a folder of runs itself, opened in the browser
  $ fmnist view --allow-host box.lan # also answer requests for http://box.lan:<port>/

The page lists runs and experiments as they are written (changes are pushed: a running run
updates live), and opens a run.json dropped on it. Every view's state is in its address, so a
link reopens it. The server listens on 127.0.0.1 and answers only requests naming localhost,
127.0.0.1 or [::1] (so no web page can reach it by DNS rebinding), plus each --allow-host name.
A restart reads only the run.json files that changed since the last one: the summaries are kept
under $XDG_CACHE_HOME/fmnist/viewer (else ~/.cache/fmnist/viewer); --no-cache reads them all.
Ctrl-C stops the server.`;

const isDirectory = (path: string) =>
  stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );

/**
 * Where the runs, experiments and sweeps are under `dir`: its runs/, experiments/ and sweeps/, else itself
 * for all three (a folder of runs: the server lists only folders holding a run.json as runs, only
 * folders holding an experiment.json as experiments and a sweep.json as sweeps, so runs are never
 * read as experiments).
 */
export async function resolveViewerDirs(
  dir: string,
): Promise<{ runsDir: string; experimentsDir: string; sweepsDir: string }> {
  const root = resolve(dir);
  const runs = join(root, 'runs');
  const experiments = join(root, 'experiments');
  const sweeps = join(root, 'sweeps');
  if (
    (await isDirectory(runs)) ||
    (await isDirectory(experiments)) ||
    (await isDirectory(sweeps))
  ) {
    return { runsDir: runs, experimentsDir: experiments, sweepsDir: sweeps };
  }
  return { runsDir: root, experimentsDir: root, sweepsDir: root };
}

/**
 * Where `fmnist view` keeps the summaries of the runs it serves between starts: one file per
 * set of folders under the user cache (`$XDG_CACHE_HOME/fmnist/viewer`, else `~/.cache/fmnist/viewer`).
 */
export function viewerCacheFile(
  dirs: { runsDir: string; experimentsDir: string; sweepsDir: string },
  env: NodeJS.ProcessEnv,
): string {
  const key = createHash('sha256')
    .update(JSON.stringify([dirs.runsDir, dirs.experimentsDir, dirs.sweepsDir]))
    .digest('hex')
    .slice(0, 16);
  return join(resolveCacheDir({ env }), 'viewer', `index-${key}.json`);
}

function openInBrowser(url: string): void {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => {
    process.stderr.write(pc.yellow(`could not start ${command}; open ${url} yourself\n`));
  });
  child.unref();
}

interface ViewFlags {
  port?: number;
  open?: boolean;
  allowHost?: string[];
  /** False with --no-cache. */
  cache: boolean;
}

/** Register `fmnist view [dir]`. */
export function addViewCommand(program: Command): void {
  program
    .command('view')
    .summary('show runs and experiments in the browser')
    .description(
      'Serve the viewer on 127.0.0.1 over the runs and experiments under a folder: curves, confusion matrices, mistakes, comparisons and a live Try-it.',
    )
    .argument('[dir]', 'a folder holding runs/ and experiments/, or a folder of runs', '.')
    .option('--port <port>', 'the port to listen on (default: a free one)', parsePort)
    .option('--open', 'open the page in the default browser')
    .option(
      '--allow-host <name>',
      'also answer requests whose Host is this name (repeatable); by default only localhost, 127.0.0.1 and [::1]',
      (name: string, names: string[] = []) => [...names, name],
    )
    .option(
      '--no-cache',
      'read every run.json at start instead of the summaries kept from the last start',
    )
    .addHelpText('after', EXAMPLES)
    .action(async (dir: string, flags: ViewFlags) => {
      const allowHost = flags.allowHost ?? [];
      const dirs = await resolveViewerDirs(dir);
      const server = await startViewerServer({
        ...dirs,
        port: flags.port ?? 0,
        allowedHosts: allowHost,
        ...(flags.cache ? { cacheFile: viewerCacheFile(dirs, process.env) } : {}),
        // The page opens at once and shows the runs as they are read.
        readInBackground: true,
      });
      process.stdout.write(`fmnist viewer: ${server.url}\n`);
      process.stderr.write(
        pc.dim(
          `runs: ${dirs.runsDir}\nexperiments: ${dirs.experimentsDir}\nlistening after ${(server.startupMs / 1000).toFixed(1)} s\n${allowHost.length > 0 ? `also answering to: ${allowHost.join(', ')}\n` : ''}Ctrl-C to stop\n`,
        ),
      );
      server.indexed.then(
        (ms) => process.stderr.write(pc.dim(`every run read after ${(ms / 1000).toFixed(1)} s\n`)),
        (error: unknown) =>
          process.stderr.write(
            pc.yellow(`could not read the folders: ${(error as Error).message}\n`),
          ),
      );
      if (flags.open) openInBrowser(server.url);
      await new Promise<void>((done) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void server.close().then(done);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
