import { describe, expect, it } from 'vitest';
import { formatMetric, formatProgressLine, formatStepTime } from './format-progress-line.js';

describe('formatProgressLine', () => {
  it("draws Keras' line: epoch, steps, bar, time, metrics", () => {
    const line = formatProgressLine({
      epoch: 3,
      epochs: 100,
      step: 300,
      steps: 300,
      seconds: 4.2,
      loss: 0.41234,
      accuracy: 0.85119,
      valLoss: 0.45,
      valAccuracy: 0.84,
    });
    expect(line).toBe(
      'Epoch 3/100  300/300 ━━━━━━━━━━━━━━━━━━━━ 4s 14ms/step - loss: 0.4123 - accuracy: 0.8512 - val_loss: 0.4500 - val_accuracy: 0.8400',
    );
  });

  it('shows the part still to go, and pads the step count', () => {
    const line = formatProgressLine({ epoch: 1, epochs: 2, step: 15, steps: 300, seconds: 0.3 });
    expect(line).toBe(`Epoch 1/2   15/300 ━${'─'.repeat(19)} 0s 20ms/step`);
  });
});

describe('formatMetric and formatStepTime', () => {
  it('use four decimals, or scientific notation for tiny values', () => {
    expect(formatMetric(0.5)).toBe('0.5000');
    expect(formatMetric(0)).toBe('0.0000');
    expect(formatMetric(0.00012345)).toBe('1.2345e-4');
    expect(formatMetric(Number.NaN)).toBe('NaN');
  });

  it('pick s, ms or us per step', () => {
    expect(formatStepTime(2.4)).toBe('2s/step');
    expect(formatStepTime(0.0134)).toBe('13ms/step');
    expect(formatStepTime(0.00025)).toBe('250us/step');
  });
});
