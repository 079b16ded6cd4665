import { MetricsError } from '../errors/metrics-error.js';

/** The result of {@link mcnemar}. */
export interface McNemarResult {
  /** Samples model A got right and model B got wrong. */
  aRightBWrong: number;
  /** Samples model A got wrong and model B got right. */
  aWrongBRight: number;
  /** Samples both got right. */
  bothRight: number;
  /** Samples both got wrong. */
  bothWrong: number;
  /** Exact two-sided binomial p-value of the discordant counts under p = 0.5 (1 when none). */
  pValue: number;
}

/** Per-sample correctness: booleans, or 0/1 numbers (plain or typed arrays). */
export type CorrectnessInput = ArrayLike<boolean | number>;

function readCorrectness(argument: string, value: unknown): boolean[] {
  if (
    value === null ||
    typeof value !== 'object' ||
    typeof (value as { length?: unknown }).length !== 'number'
  ) {
    throw new MetricsError(
      'INVALID_ARGUMENT',
      `${argument}: expected an array of booleans (or 0/1), one per sample, found ${value === null ? 'null' : typeof value}. Compute it as yPred[i] === yTrue[i].`,
      { argument },
    );
  }
  const source = value as ArrayLike<unknown>;
  if (source.length === 0) {
    throw new MetricsError(
      'EMPTY_INPUT',
      `${argument}: expected at least one sample, found an empty array.`,
      { argument },
    );
  }
  return Array.from({ length: source.length }, (_, i) => {
    const item = source[i];
    if (item === true || item === 1) return true;
    if (item === false || item === 0) return false;
    throw new MetricsError(
      'INVALID_ARGUMENT',
      `${argument}[${i}]: expected true/false or 1/0 (was the sample classified right?), found ${JSON.stringify(item)}.`,
      { argument },
    );
  });
}

/**
 * The exact two-sided binomial p-value for `k = min(b, c)` successes out of `n = b + c` at p = ½:
 * min(1, 2 · P(X ≤ k)). Computed in log space so that n in the tens of thousands does not
 * underflow.
 * @internal
 */
export function exactBinomialPValue(b: number, c: number): number {
  const n = b + c;
  const k = Math.min(b, c);
  // k >= (n - 1) / 2: the tail holds at least half the mass, so 2 * tail >= 1.
  if (n === 0 || 2 * k + 1 >= n) return 1;
  // log of the largest term, C(n, k) / 2^n; the terms fall away towards i = 0.
  let logTerm = -n * Math.LN2;
  for (let i = 0; i < k; i++) logTerm += Math.log((n - i) / (i + 1));
  let sum = 1;
  let ratio = 1;
  for (let i = k; i > 0; i--) {
    ratio *= i / (n - i + 1);
    sum += ratio;
    if (ratio < 1e-17 * sum) break;
  }
  return Math.min(1, 2 * Math.exp(logTerm) * sum);
}

/**
 * McNemar's exact test on two classifiers scored on the same samples: "is model 2 really better
 * than model 5?". Only the samples where they disagree count; the p-value is the exact two-sided
 * binomial test of those discordant counts against a fair coin.
 *
 * @param correctA - per sample, whether model A was right (booleans or 0/1)
 * @param correctB - per sample, whether model B was right, same length
 * @returns the discordant counts, the concordant counts and the p-value
 * @throws {MetricsError} on empty or mismatched inputs or values other than booleans/0/1
 *
 * @example
 * ```ts
 * const a = yPredA.map((p, i) => p === yTrue[i]);
 * const b = yPredB.map((p, i) => p === yTrue[i]);
 * mcnemar(a, b).pValue; // < 0.05: the difference is unlikely to be chance
 * ```
 */
export function mcnemar(correctA: CorrectnessInput, correctB: CorrectnessInput): McNemarResult {
  const a = readCorrectness('correctA', correctA);
  const b = readCorrectness('correctB', correctB);
  if (a.length !== b.length) {
    throw new MetricsError(
      'LENGTH_MISMATCH',
      `correctA and correctB: expected the same length (both models scored on the same samples), found ${a.length} and ${b.length}.`,
      { argument: 'correctB' },
    );
  }
  const result = { aRightBWrong: 0, aWrongBRight: 0, bothRight: 0, bothWrong: 0, pValue: 1 };
  a.forEach((rightA, i) => {
    const rightB = b[i] as boolean;
    if (rightA && rightB) result.bothRight++;
    else if (rightA) result.aRightBWrong++;
    else if (rightB) result.aWrongBRight++;
    else result.bothWrong++;
  });
  result.pValue = exactBinomialPValue(result.aRightBWrong, result.aWrongBRight);
  return result;
}
