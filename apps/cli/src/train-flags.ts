import type { OptimizerName } from '@fmnist/models';
import type { RunHandle } from '@fmnist/runs';
import type { BackendName, TrainResult, train } from '@fmnist/train';

/** The flags of `fmnist train`, as commander parses them. */
export interface TrainFlags {
  preset?: string;
  spec?: string;
  epochs: number;
  batchSize: number;
  optimizer?: OptimizerName;
  lr?: number;
  momentum?: number;
  validation: 'holdout' | 'test' | 'none';
  validationSize: number;
  seed: number;
  backend: BackendName | 'auto';
  earlyStopping?: number;
  reduceLr?: number;
  dataDir?: string;
  out: string;
  name?: string;
  resume?: string;
  json?: boolean;
}

/** A training ready to go: its opened (locked) run directory, and how to start it. */
export interface PreparedTraining {
  run: RunHandle;
  /** `true` for `--resume`; else the run directory is new (and removed again when refused). */
  resuming: boolean;
  start(signal: AbortSignal, onEvent: Parameters<typeof train>[0]['onEvent']): Promise<TrainResult>;
}
