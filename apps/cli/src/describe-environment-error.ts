/** An error from the user's machine rather than from fmnist, in words: what happened and what to do. */
export interface EnvironmentProblem {
  message: string;
  hint: string;
}

interface Errno {
  code: string;
  path?: string;
  dest?: string;
  address?: string;
  port?: number;
  syscall?: string;
}

const isErrno = (value: unknown): value is Errno =>
  value instanceof Error && typeof (value as { code?: unknown }).code === 'string';

function describe(error: Errno): EnvironmentProblem | undefined {
  const path = error.path ?? error.dest;
  const where = path === undefined ? '' : ` (${path})`;
  switch (error.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return {
        message: `the disk is full${where}: ${error.code === 'EDQUOT' ? 'the disk quota is used up' : 'no space left on the device'}`,
        hint: 'Free some space there, or write elsewhere (--out <dir>), then run the command again.',
      };
    case 'EROFS':
      return {
        message: `cannot write${where}: the file system is read-only`,
        hint: 'Write to a writable directory instead (--out <dir>).',
      };
    case 'EACCES':
    case 'EPERM':
      return {
        message: `permission denied${where}${error.syscall ? ` (${error.syscall})` : ''}`,
        hint: 'Check the owner and permissions of that path, or use another directory.',
      };
    case 'EADDRINUSE':
      return {
        message: `port ${error.port ?? '?'}${error.address ? ` on ${error.address}` : ''} is already in use by another program`,
        hint: 'Pick another port with --port <n>, or --port 0 for any free one.',
      };
    case 'EADDRNOTAVAIL':
      return {
        message: `cannot listen on ${error.address ?? 'that address'}: it is not an address of this machine`,
        hint: 'Use 127.0.0.1, or an address this machine has.',
      };
    case 'EMFILE':
    case 'ENFILE':
      return {
        message: 'too many open files',
        hint: 'Raise the limit (ulimit -n) or close other programs, then run the command again.',
      };
    default:
      return undefined;
  }
}

/**
 * The first error from the user's environment (disk full, read-only, permissions, a port in use)
 * in `error` or its causes, described with the path or port and what to do; undefined when the
 * error is something else.
 */
export function describeEnvironmentError(error: unknown): EnvironmentProblem | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current instanceof Error; depth++) {
    if (isErrno(current)) {
      const problem = describe(current);
      if (problem) return problem;
    }
    current = current.cause;
  }
  return undefined;
}
