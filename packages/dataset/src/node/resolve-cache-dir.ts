import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where to look for the cache, for {@link resolveCacheDir}. */
export interface ResolveCacheDirOptions {
  /** Environment to read `XDG_CACHE_HOME` from; default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Home directory; default `os.homedir()`. */
  homeDir?: string;
}

/**
 * The user cache directory for downloaded data: `$XDG_CACHE_HOME/fmnist` when that variable is an
 * absolute path (as the XDG spec requires), else `~/.cache/fmnist`.
 */
export function resolveCacheDir(options: ResolveCacheDirOptions = {}): string {
  const env = options.env ?? process.env;
  const xdg = env.XDG_CACHE_HOME;
  if (xdg?.startsWith('/')) return join(xdg, 'fmnist');
  return join(options.homeDir ?? homedir(), '.cache', 'fmnist');
}
