// Fuzzing of the three readers of untrusted bytes (issue 18): parseIdx, decodeIdx and
// parseRunRecord must return a value or throw their package's error — never a TypeError, a
// RangeError or a stack overflow. FMNIST_FUZZ_RUNS sets the runs per property (default 1500;
// FMNIST_FUZZ_RUNS=11300 tries about 73,000 inputs, as issue 18 did).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { DatasetError, decodeIdx, parseIdx } from '@fmnist/dataset';
import { MetricsError, parseRunRecord } from '@fmnist/metrics';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const RUNS = Number(process.env.FMNIST_FUZZ_RUNS ?? 1500);
const record = readFileSync(
  new URL('../../../../packages/metrics/test/fixtures/run-record-v1.json', import.meta.url),
  'utf8',
);
let tried = 0;

/** An IDX header with a random type code and dimensions, then a random number of bytes. */
const idxLike = fc
  .record({
    type: fc.constantFrom(0x08, 0x09, 0x0b, 0x0c, 0x0d, 0x0e, 0x00, 0x05, 0xff),
    dims: fc.array(fc.oneof(fc.integer({ min: 0, max: 40 }), fc.nat()), { maxLength: 5 }),
    body: fc.uint8Array({ maxLength: 3000 }),
    zeroMagic: fc.boolean(),
  })
  .map(({ type, dims, body, zeroMagic }) => {
    const header = new Uint8Array(4 + 4 * dims.length);
    const view = new DataView(header.buffer);
    view.setUint32(0, ((zeroMagic ? 0 : 1) << 16) | (type << 8) | dims.length);
    dims.forEach((d, i) => {
      view.setUint32(4 + 4 * i, d >>> 0);
    });
    return Buffer.concat([header, body]);
  });

const anyBytes = fc.oneof(fc.uint8Array({ maxLength: 2000 }), idxLike);

function expectOnly(isOurs: (e: unknown) => boolean, error: unknown): void {
  if (!isOurs(error)) throw error;
}

function checkIdx(bytes: Uint8Array): void {
  tried += 1;
  try {
    const array = parseIdx(bytes);
    expect(array.data.length).toBe(array.shape.reduce((a, b) => a * b, 1));
  } catch (error) {
    expectOnly(DatasetError.isInstance, error);
  }
}

describe('fuzzing', () => {
  it('parseIdx returns a consistent array or throws a DatasetError', () => {
    fc.assert(fc.property(anyBytes, checkIdx), { numRuns: RUNS * 2 });
  });

  it('decodeIdx (gzip or not) returns or throws a DatasetError', async () => {
    await fc.assert(
      fc.asyncProperty(anyBytes, fc.integer({ min: 0, max: 3 }), async (bytes, mode) => {
        tried += 1;
        // 0: raw; 1: gzip; 2: gzip cut short; 3: gzip magic over random bytes
        const gz = mode === 0 ? bytes : gzipSync(bytes);
        const input =
          mode === 2
            ? gz.subarray(0, Math.max(2, gz.length >> 1))
            : mode === 3
              ? Buffer.concat([Buffer.from([0x1f, 0x8b]), bytes])
              : gz;
        try {
          await decodeIdx(input);
        } catch (error) {
          expectOnly(DatasetError.isInstance, error);
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });

  const checkRecord = (value: unknown) => {
    tried += 1;
    try {
      parseRunRecord(value);
    } catch (error) {
      expectOnly(MetricsError.isInstance, error);
    }
  };

  it('parseRunRecord of random text and random JSON throws only MetricsErrors', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.jsonValue()), checkRecord), { numRuns: RUNS });
  });

  it('parseRunRecord of a real record with one field replaced, removed or cut', () => {
    const base = JSON.parse(record) as Record<string, unknown>;
    const paths: string[][] = [];
    const walk = (value: unknown, path: string[]) => {
      if (paths.length > 400 || value === null || typeof value !== 'object') return;
      for (const [key, child] of Object.entries(value)) {
        paths.push([...path, key]);
        walk(child, [...path, key]);
      }
    };
    walk(base, []);
    fc.assert(
      fc.property(
        fc.constantFrom(...paths),
        fc.oneof(fc.jsonValue(), fc.constant(undefined)),
        fc.nat(record.length),
        fc.boolean(),
        (path, replacement, cut, asText) => {
          const copy = structuredClone(base);
          let parent: Record<string, unknown> = copy;
          for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
          const last = path.at(-1) as string;
          if (replacement === undefined) delete parent[last];
          else parent[last] = replacement;
          checkRecord(copy);
          if (asText) checkRecord(JSON.stringify(copy).slice(0, cut));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('prints how many buffers were tried', () => {
    process.stdout.write(
      `\nFuzzing: ${tried} inputs to parseIdx, decodeIdx and parseRunRecord, all handled.\n`,
    );
    expect(tried).toBeGreaterThanOrEqual(RUNS * 5);
  });
});
