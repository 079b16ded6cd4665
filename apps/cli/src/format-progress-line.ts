/** What one progress line shows: where the epoch is and the running metrics. */
export interface ProgressLine {
  epoch: number;
  epochs: number;
  /** Batches done in this epoch. */
  step: number;
  /** Batches in an epoch. */
  steps: number;
  /** Seconds since the epoch started. */
  seconds: number;
  loss?: number;
  accuracy?: number;
  valLoss?: number;
  valAccuracy?: number;
}

/** Options of {@link formatProgressLine}. */
export interface FormatProgressLineOptions {
  /** Width of the bar in characters; default 20, as Keras. */
  width?: number;
  /** Draws the part of the bar still to go; default a thin line. */
  dimRemaining?: (text: string) => string;
}

/** A metric the way Keras' progress bar prints it: 4 decimals, or scientific when tiny. */
export function formatMetric(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) > 1e-3 || value === 0 ? value.toFixed(4) : value.toExponential(4);
}

/** Time per step as Keras prints it: `2s/step`, `13ms/step` or `250us/step`. */
export function formatStepTime(secondsPerStep: number): string {
  if (secondsPerStep >= 1) return `${Math.round(secondsPerStep)}s/step`;
  if (secondsPerStep >= 1e-3) return `${Math.round(secondsPerStep * 1e3)}ms/step`;
  return `${Math.round(secondsPerStep * 1e6)}us/step`;
}

/**
 * One Keras-style progress line:
 * `Epoch 3/100  300/300 ━━━━━━━━━━━━━━━━━━━━ 4s 13ms/step - loss: 0.4123 - accuracy: 0.8512 - val_loss: 0.4410 - val_accuracy: 0.8421`.
 */
export function formatProgressLine(
  line: ProgressLine,
  options: FormatProgressLineOptions = {},
): string {
  const width = options.width ?? 20;
  const dim = options.dimRemaining ?? ((text: string) => text.replaceAll('━', '─'));
  const done = line.steps > 0 ? Math.min(width, Math.floor((line.step / line.steps) * width)) : 0;
  const bar = '━'.repeat(done) + (done < width ? dim('━'.repeat(width - done)) : '');
  const stepsWidth = String(line.steps).length;
  const parts = [
    `Epoch ${line.epoch}/${line.epochs}  ${String(line.step).padStart(stepsWidth)}/${line.steps} ${bar} ` +
      `${Math.round(line.seconds)}s ${formatStepTime(line.step > 0 ? line.seconds / line.step : 0)}`,
  ];
  const metrics: [string, number | undefined][] = [
    ['loss', line.loss],
    ['accuracy', line.accuracy],
    ['val_loss', line.valLoss],
    ['val_accuracy', line.valAccuracy],
  ];
  for (const [name, value] of metrics) {
    if (value !== undefined) parts.push(`${name}: ${formatMetric(value)}`);
  }
  return parts.join(' - ');
}
