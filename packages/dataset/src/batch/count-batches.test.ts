import { describe, expect, it } from 'vitest';
import { countBatches } from './count-batches.js';

describe('countBatches', () => {
  it('counts like Keras for 60,000 examples in batches of 200', () => {
    expect(countBatches(60000, { batchSize: 200 })).toBe(300);
    expect(countBatches(54000, { batchSize: 256 })).toBe(211);
    expect(countBatches(54000, { batchSize: 256, dropRemainder: true })).toBe(210);
  });
});

describe('countBatches errors', () => {
  it('rejects a batch size that is not a positive integer', () => {
    expect(() => countBatches(10, { batchSize: 2.5 })).toThrow(/positive integer, found 2.5/);
  });
});
