import { InvalidArgumentError } from 'commander';

// Commander calls these with each flag's text; the error message follows its
// "option '--epochs <n>' argument 'x' is invalid." prefix.

const toNumber = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

/** A whole number ≥ 1 (`--epochs`, `--batch-size`, `--index` counts). */
export function parsePositiveInteger(text: string): number {
  const value = toNumber(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new InvalidArgumentError(`Expected a whole number of 1 or more, e.g. 10.`);
  }
  return value;
}

/** A whole number ≥ 0 (`--index`, `--early-stopping`). */
export function parseNonNegativeInteger(text: string): number {
  const value = toNumber(text);
  if (!Number.isInteger(value) || value < 0) {
    throw new InvalidArgumentError(`Expected a whole number of 0 or more, e.g. 3.`);
  }
  return value;
}

/** Any whole number (`--seed`). */
export function parseInteger(text: string): number {
  const value = toNumber(text);
  if (!Number.isSafeInteger(value))
    throw new InvalidArgumentError(`Expected a whole number, e.g. 42.`);
  return value;
}

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

/** `--validation-size`: below 1 a fraction of the training set, else a whole count of images. */
export function parseValidationSize(text: string): number {
  const value = toNumber(text);
  if (!Number.isFinite(value) || value <= 0 || (value >= 1 && !Number.isInteger(value))) {
    throw new InvalidArgumentError(
      `Expected a fraction between 0 and 1 (e.g. 0.1) or a whole count of images (e.g. 6000).`,
    );
  }
  return value;
}

/** A TCP port, 0 to 65535 (`--port`; 0 picks a free one). */
export function parsePort(text: string): number {
  const value = toNumber(text);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new InvalidArgumentError(
      'Expected a port from 0 to 65535, e.g. 8080 (0: any free port).',
    );
  }
  return value;
}
