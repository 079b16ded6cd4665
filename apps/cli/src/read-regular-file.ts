import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { displayPath } from './display-path.js';
import { CliError, failure } from './errors.js';

/** Options of {@link readRegularFile}. */
export interface ReadRegularFileOptions {
  /** What the file is meant to be, for messages: `'image'`, `'spec file'`. */
  what: string;
  /** Files larger than this are refused before any byte is read. */
  maxBytes: number;
}

const describeKind = (info: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}) =>
  info.isDirectory()
    ? 'a directory'
    : info.isFIFO()
      ? 'a named pipe'
      : info.isCharacterDevice() || info.isBlockDevice()
        ? 'a device'
        : info.isSocket()
          ? 'a socket'
          : 'not a regular file';

/**
 * Read a whole regular file of at most `maxBytes`. Devices (`/dev/zero`), pipes and directories
 * are refused at once rather than read forever: the file is opened without blocking and checked
 * with fstat before any byte is read, and no more than the size fstat gave is read.
 *
 * @throws {CliError} naming the path and what to do.
 */
export async function readRegularFile(
  path: string,
  { what, maxBytes }: ReadRegularFileOptions,
): Promise<Buffer> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'there is no such file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : (error as Error).message;
    throw failure(`cannot read the ${what} ${displayPath(path)}: ${why}`, 'Check the path.', error);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      throw failure(
        `expected the ${what} ${displayPath(path)} to be a regular file, found ${describeKind(info)}`,
        'Pass the path of a file on disk.',
      );
    }
    if (info.size > maxBytes) {
      throw failure(
        `the ${what} ${displayPath(path)} is ${info.size} bytes; fmnist reads ${what}s of at most ${maxBytes} bytes`,
        'Pass a smaller file.',
      );
    }
    const bytes = Buffer.alloc(info.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return bytes.subarray(0, filled);
  } catch (error) {
    if (CliError.isInstance(error)) throw error;
    throw failure(
      `cannot read the ${what} ${displayPath(path)}: ${(error as Error).message}`,
      'Check the path.',
      error,
    );
  } finally {
    await handle.close();
  }
}

/**
 * Read a JSON file through {@link readRegularFile} (so a pipe or device is refused, not read
 * forever) and parse it; a UTF-8 byte order mark, which some Windows editors add, is not JSON.
 *
 * @throws {CliError} naming the path, with `hint` when the file is not JSON.
 */
export async function readJsonFile(
  path: string,
  options: ReadRegularFileOptions & { hint: string },
): Promise<unknown> {
  const bytes = await readRegularFile(path, options);
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw failure(
      `the ${options.what} ${displayPath(path)} is not JSON: ${(error as Error).message}`,
      options.hint,
      error,
    );
  }
}
