import { describe, expect, it } from 'vitest';
import { getPreset } from '../presets/get-preset.js';
import { countParameters } from './count-parameters.js';
import { summarizeModel } from './summarize-model.js';

describe('summarizeModel', () => {
  it("prints Keras' table for the notebook's model 1", () => {
    expect(summarizeModel(getPreset('mlp-adam'))).toBe(
      [
        'Model: "mlp-adam"',
        '_________________________________________________________________',
        'Layer (type)                 Output Shape              Param #',
        '=================================================================',
        'dense (Dense)                (None, 128)               100480',
        '_________________________________________________________________',
        'dense_1 (Dense)              (None, 64)                8256',
        '_________________________________________________________________',
        'dense_2 (Dense)              (None, 64)                4160',
        '_________________________________________________________________',
        'dense_3 (Dense)              (None, 32)                2080',
        '_________________________________________________________________',
        'dense_4 (Dense)              (None, 10)                330',
        '=================================================================',
        'Total params: 115,306',
        'Trainable params: 115,306',
        'Non-trainable params: 0',
        '_________________________________________________________________',
      ].join('\n'),
    );
  });

  it('shows image shapes and non-trainable batch-norm parameters', () => {
    const text = summarizeModel({
      inputShape: [784],
      layers: [
        { type: 'reshape', targetShape: [28, 28, 1] },
        { type: 'conv2d', filters: 4, kernelSize: 3, activation: 'relu' },
        { type: 'batchNormalization' },
        { type: 'maxPooling2d', poolSize: 2 },
        { type: 'flatten' },
        { type: 'dense', units: 10, activation: 'softmax' },
      ],
      optimizer: { name: 'adam' },
      loss: 'categoricalCrossentropy',
    });
    // The first column widens to fit the longest name, as the rule lines do.
    expect(
      text
        .split('\n')
        .slice(4, 16)
        .filter((_, i) => i % 2 === 0),
    ).toEqual([
      'reshape (Reshape)                        (None, 28, 28, 1)         0',
      'conv2d (Conv2D)                          (None, 26, 26, 4)         40',
      'batch_normalization (BatchNormalization) (None, 26, 26, 4)         16',
      'max_pooling2d (MaxPooling2D)             (None, 13, 13, 4)         0',
      'flatten (Flatten)                        (None, 676)               0',
      'dense (Dense)                            (None, 10)                6770',
    ]);
    // 40 + 16 (batch norm) + 676·10 + 10
    expect(text).toContain('Total params: 6,826');
    expect(text).toContain('Trainable params: 6,818');
    expect(text).toContain('Non-trainable params: 8');
  });

  it('counts parameters like Keras', () => {
    expect(countParameters(getPreset('mlp-adam'))).toBe(115_306);
  });
});
