import { stat } from 'node:fs/promises';

/** Whether something (a file or a directory) exists at `path`. */
export async function pathExists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
