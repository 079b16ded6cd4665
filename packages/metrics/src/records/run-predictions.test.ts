import { describe, expect, it } from 'vitest';
import runV1 from '../../test/fixtures/run-record-v1.json' with { type: 'json' };
import { MetricsError } from '../errors/metrics-error.js';
import { parseRunRecord } from './parse-run-record.js';

describe('RunRecord predictions', () => {
  const predictions = { split: 'test', labelsSha256: 'a'.repeat(64), predicted: 'AAEC' };

  it('reads and keeps the test predictions', () => {
    const record = parseRunRecord({ ...runV1, predictions });
    expect(record.predictions).toEqual(predictions);
  });

  it('names the fault in a broken digest', () => {
    try {
      parseRunRecord({ ...runV1, predictions: { ...predictions, labelsSha256: 'xyz' } });
      expect.unreachable();
    } catch (error) {
      expect(MetricsError.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(/predictions\.labelsSha256/);
    }
  });
});
