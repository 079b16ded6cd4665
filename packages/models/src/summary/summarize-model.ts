import { describeLayers } from '../spec/describe-layers.js';
import type { ModelSpec, ModelSpecInput } from '../spec/model-spec.js';
import { parseSpec } from '../spec/parse-spec.js';

const formatCount = (n: number): string => n.toLocaleString('en-US');

/**
 * The layer table Keras' `model.summary()` prints — layer (type), output shape, param #, and the
 * totals — computed from the spec alone (no tfjs, no weights). Layer names follow Keras'
 * (`dense`, `dense_1`, ...) and match the names `buildModel` gives.
 *
 * @throws ModelsError `INVALID_SPEC` when the spec is not valid
 */
export function summarizeModel(spec: ModelSpec | ModelSpecInput): string {
  const canonical = parseSpec(spec);
  const { layers } = describeLayers(canonical);
  const rows = layers.map((layer) => [
    `${layer.name} (${layer.className})`,
    `(None, ${layer.outputShape.join(', ')})`,
    String(layer.trainableParams + layer.nonTrainableParams),
  ]);
  const header = ['Layer (type)', 'Output Shape', 'Param #'];
  // Keras' column stops for a sequential model are 29, 55 and 65 characters.
  const widths = [29, 26, 10].map((width, column) =>
    Math.max(width, ...[header, ...rows].map((row) => (row[column]?.length ?? 0) + 1)),
  );
  const lineLength = widths.reduce((a, b) => a + b, 0);
  const formatRow = (row: string[]): string =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('')
      .trimEnd();
  const trainable = layers.reduce((sum, layer) => sum + layer.trainableParams, 0);
  const nonTrainable = layers.reduce((sum, layer) => sum + layer.nonTrainableParams, 0);
  const lines = [
    `Model: "${canonical.name ?? 'sequential'}"`,
    '_'.repeat(lineLength),
    formatRow(header),
    '='.repeat(lineLength),
    ...rows.flatMap((row, index) => [
      formatRow(row),
      index === rows.length - 1 ? '='.repeat(lineLength) : '_'.repeat(lineLength),
    ]),
    `Total params: ${formatCount(trainable + nonTrainable)}`,
    `Trainable params: ${formatCount(trainable)}`,
    `Non-trainable params: ${formatCount(nonTrainable)}`,
    '_'.repeat(lineLength),
  ];
  return lines.join('\n');
}
