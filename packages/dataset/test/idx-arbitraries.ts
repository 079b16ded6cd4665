// fast-check arbitraries for IDX fuzzing: valid arrays, and bytes derived from valid files by
// random mutations (flipped bytes, cut, extended, header fields overwritten).
import fc from 'fast-check';
import type { IdxArray } from '../src/idx/idx-array.js';

const shapeArb = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 4 });

/** Any small valid IDX array, of every dtype. */
export const idxArrayArb: fc.Arbitrary<IdxArray> = shapeArb.chain((shape) => {
  const n = shape.reduce((a, b) => a * b, 1);
  return fc.oneof(
    fc
      .uint8Array({ minLength: n, maxLength: n })
      .map((data) => ({ dtype: 'uint8' as const, shape, data })),
    fc
      .int8Array({ minLength: n, maxLength: n })
      .map((data) => ({ dtype: 'int8' as const, shape, data })),
    fc
      .int16Array({ minLength: n, maxLength: n })
      .map((data) => ({ dtype: 'int16' as const, shape, data })),
    fc
      .int32Array({ minLength: n, maxLength: n })
      .map((data) => ({ dtype: 'int32' as const, shape, data })),
    fc
      .float32Array({ minLength: n, maxLength: n, noDefaultInfinity: true })
      .map((data) => ({ dtype: 'float32' as const, shape, data })),
    fc
      .float64Array({ minLength: n, maxLength: n })
      .map((data) => ({ dtype: 'float64' as const, shape, data })),
  );
});

type Mutation =
  | { kind: 'flip'; at: number; mask: number }
  | { kind: 'cut'; at: number }
  | { kind: 'append'; bytes: Uint8Array }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'word'; at: number; value: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    mask: fc.integer({ min: 1, max: 255 }),
  }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('append' as const),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  }),
  // Overwrite a 32-bit word: in an IDX header this is the magic or a dimension.
  fc.record({
    kind: fc.constant('word' as const),
    at: fc.integer({ min: 0, max: 5 }),
    value: fc.oneof(
      fc.nat(),
      fc.constantFrom(0, 1, 0xffffffff, 0x7fffffff, 0x00000803, 0x00000801),
    ),
  }),
);

function applyMutation(bytes: Uint8Array, m: Mutation): Uint8Array {
  const at = bytes.length === 0 ? 0 : 'at' in m ? m.at % (bytes.length + 1) : 0;
  switch (m.kind) {
    case 'flip': {
      if (bytes.length === 0) return bytes;
      const out = bytes.slice();
      const i = at % bytes.length;
      out[i] = (out[i] ?? 0) ^ m.mask;
      return out;
    }
    case 'cut':
      return bytes.slice(0, at);
    case 'append': {
      const out = new Uint8Array(bytes.length + m.bytes.length);
      out.set(bytes);
      out.set(m.bytes, bytes.length);
      return out;
    }
    case 'insert': {
      const out = new Uint8Array(bytes.length + m.bytes.length);
      out.set(bytes.subarray(0, at));
      out.set(m.bytes, at);
      out.set(bytes.subarray(at), at + m.bytes.length);
      return out;
    }
    case 'word': {
      const out = bytes.slice();
      const offset = 4 * m.at;
      if (offset + 4 > out.length) return out;
      new DataView(out.buffer).setUint32(offset, m.value >>> 0);
      return out;
    }
  }
}

/** `valid` bytes after one to four random mutations. */
export function mutated(valid: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(valid, fc.array(mutationArb, { minLength: 1, maxLength: 4 }))
    .map(([bytes, mutations]) => mutations.reduce(applyMutation, bytes));
}
