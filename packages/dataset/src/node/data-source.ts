import type { DatasetFilePaths } from './find-dataset-files.js';

/**
 * Where data was found, in resolution order: `directory` (asked for explicitly), `env`
 * (`FMNIST_DATA_DIR`), `cache` (the user cache), `system` (e.g. Debian's
 * `/usr/share/datasets/fashion-mnist`), `download` (fetched into the cache just now).
 */
export type DataSourceKind = 'directory' | 'env' | 'cache' | 'system' | 'download';

/** Where a dataset's four files are. */
export interface DataSource {
  /** How the directory was chosen. */
  kind: DataSourceKind;
  /** The directory. */
  location: string;
  /** The four files' paths. */
  files: DatasetFilePaths;
}
