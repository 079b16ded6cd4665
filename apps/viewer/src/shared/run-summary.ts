import type { RecordStatus } from '@fmnist/metrics';

/** Loss and accuracy of one split; `null` where the run has none (or it was NaN). */
export interface SplitFigures {
  loss: number | null;
  accuracy: number | null;
}

/** A hyperparameter's value: a number (plotted on an axis), else text (a category). */
export type HyperparameterValue = number | string | boolean;

/**
 * What the index keeps of one run: enough for the Runs table, the HParams view and the
 * pickers, and small (well under 2 KB). Views that need curves, the confusion matrix or
 * samples ask for the full record.
 */
export interface RunSummary {
  id: string;
  name: string;
  preset?: string;
  status: RecordStatus;
  createdAt: string;
  finishedAt?: string;
  /** A failed run's message (cut to 200 characters). */
  failure?: string;
  /** Completed epochs. */
  epochs: number;
  /** Epochs asked for. */
  epochsPlanned: number;
  /** Wall time of the completed epochs, in seconds. */
  seconds: number;
  backend: string;
  /** How it validated; `leakage` when the "validation" figures are the test set's (the notebook's way). */
  validation: { mode: string; leakage: boolean };
  /** The last epoch's logged figures: running averages over its batches (Keras' log), validation at its end. */
  lastEpoch: {
    loss: number | null;
    accuracy: number | null;
    valLoss: number | null;
    valAccuracy: number | null;
  };
  /** Final evaluations after training, per split (train: re-evaluated with dropout off). */
  final: { train?: SplitFigures; validation?: SplitFigures; test?: SplitFigures };
  /** Learning rate, momentum, batch size, epochs, seed, optimizer, dropout, layer widths, ... */
  hparams: Record<string, HyperparameterValue>;
  /** What the full record holds, so views know whether to fetch it. */
  has: { confusion: boolean; report: boolean; mistakes: number; samples: number };
}
