import { InvalidArgumentError } from 'commander';

// Commander calls these with each flag's text; the error message follows its
// "option '--epochs <n>' argument 'x' is invalid." prefix.

// Plain decimal notation only: Number() would also read `0x10`, `0b11` and `Infinity`.
const DECIMAL_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
const toNumber = (text: string): number => (DECIMAL_TEXT.test(text) ? Number(text) : Number.NaN);

/** Options of {@link createIntegerParser}. */
export interface IntegerRange {
  /** The smallest value accepted. */
  min: number;
  /** The largest value accepted: a flag's sensible ceiling, never above 2^53 − 1. */
  max: number;
  /** A value to show in the message, e.g. 10. */
  example?: number;
}

// Digits only: `1e3`, `0x10`, `1_000` and `12abc` are not whole numbers a user means.
const INTEGER_TEXT = /^\s*[+-]?\d+\s*$/;

/**
 * A parser for an integer flag: decimal digits only, a safe integer from `min` to `max`. The
 * message states the range, so `--epochs 99999999999999999999` says what is accepted instead of
 * training a run that nothing can read back.
 */
export function createIntegerParser({ min, max, example }: IntegerRange): (text: string) => number {
  const shown = example ?? Math.max(min, Math.min(max, 10));
  const range =
    max === Number.MAX_SAFE_INTEGER
      ? `a whole number of ${min} or more`
      : `a whole number from ${min} to ${max}`;
  return (text: string) => {
    const value = INTEGER_TEXT.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new InvalidArgumentError(`Expected ${range}, e.g. ${shown}.`);
    }
    return value;
  };
}

/** Ceilings of the integer flags; each is far above any useful value and well inside 2^53. */
export const INTEGER_LIMITS = {
  /** `--epochs`: the notebook trains 100. */
  epochs: { min: 1, max: 100_000, example: 10 },
  /** `--batch-size`: the whole training set is 60_000 images. */
  batchSize: { min: 1, max: 65_536, example: 200 },
  /** `--early-stopping` patience, 0 to turn it off. */
  patience: { min: 0, max: 100_000, example: 5 },
  /** `--reduce-lr` patience. */
  reduceLrPatience: { min: 1, max: 100_000, example: 5 },
  /** `--seed`: a 32-bit signed integer, so that distinct seeds give distinct sequences. */
  seed: { min: -(2 ** 31), max: 2 ** 31 - 1, example: 42 },
  /** `--seeds`: how many seeds an experiment trains. */
  seeds: { min: 1, max: 1_000, example: 3 },
  /** `--jobs`: trainings at once, each its own process. */
  jobs: { min: 1, max: 256, example: 2 },
  /** `--index`: an image number (checked against the split's size afterwards). */
  index: { min: 0, max: 2 ** 31 - 1, example: 3 },
  /** `--scale`: 146 × 28 = 4088 pixels a side, inside what predict reads back. */
  scale: { min: 1, max: 146, example: 8 },
  /** `--top`: classes shown per image. */
  top: { min: 1, max: 1_000, example: 3 },
  /** `--steps` of bench. */
  steps: { min: 1, max: 100_000, example: 20 },
} as const satisfies Record<string, IntegerRange>;

/** A whole number from 1 to 1_000_000 (flags without a ceiling of their own). */
export const parsePositiveInteger = createIntegerParser({ min: 1, max: 1_000_000 });

/** A whole number from 0 to 1_000_000. */
export const parseNonNegativeInteger = createIntegerParser({ min: 0, max: 1_000_000, example: 3 });

/** A 32-bit signed whole number (`--seed`). */
export const parseInteger = createIntegerParser(INTEGER_LIMITS.seed);

/** A number > 0 (`--lr`). */
export function parsePositiveNumber(text: string): number {
  const value = toNumber(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new InvalidArgumentError(`Expected a number above 0, e.g. 0.001.`);
  }
  return value;
}

/** A number in [0, 1) (`--momentum`). */
export function parseFraction(text: string): number {
  const value = toNumber(text);
  if (!Number.isFinite(value) || value < 0 || value >= 1) {
    throw new InvalidArgumentError(`Expected a number from 0 up to (not including) 1, e.g. 0.9.`);
  }
  return value;
}

/** The largest `--validation-size` count: far above any dataset's size, well inside 2^53. */
export const MAX_VALIDATION_COUNT = 10_000_000;

/** `--validation-size`: below 1 a fraction of the training set, else a whole count of images. */
export function parseValidationSize(text: string): number {
  const value = toNumber(text);
  if (
    !Number.isFinite(value) ||
    value <= 0 ||
    (value >= 1 && (!Number.isInteger(value) || value > MAX_VALIDATION_COUNT))
  ) {
    throw new InvalidArgumentError(
      `Expected a fraction between 0 and 1 (e.g. 0.1) or a whole count of images (e.g. 6000) of at most 10000000.`,
    );
  }
  return value;
}

/** A TCP port, 0 to 65535 (`--port`; 0 picks a free one). */
export function parsePort(text: string): number {
  const value = INTEGER_TEXT.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new InvalidArgumentError(
      'Expected a port from 0 to 65535, e.g. 8080 (0: any free port).',
    );
  }
  return value;
}
