import { fileURLToPath } from 'node:url';

/**
 * The folder of the viewer's built static files (index.html, assets/), to serve as they are.
 * Both this module's source (src/node) and its build (dist/node) sit two levels below the
 * package root, so the answer is the same from either.
 */
export function viewerDistDir(): string {
  return fileURLToPath(new URL('../../dist/app/', import.meta.url));
}
