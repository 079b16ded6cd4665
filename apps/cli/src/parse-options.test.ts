import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import {
  createIntegerParser,
  INTEGER_LIMITS,
  parseFraction,
  parseInteger,
  parseNonNegativeInteger,
  parsePositiveInteger,
  parsePositiveNumber,
  parseValidationSize,
} from './parse-options.js';

describe('option parsers', () => {
  it('accept good values', () => {
    expect(parsePositiveInteger('10')).toBe(10);
    expect(parseNonNegativeInteger('0')).toBe(0);
    expect(parseInteger('-3')).toBe(-3);
    expect(parsePositiveNumber('1e-3')).toBe(0.001);
    expect(parseFraction('0.9')).toBe(0.9);
    expect(parseValidationSize('0.1')).toBe(0.1);
    expect(parseValidationSize('6000')).toBe(6000);
  });

  it.each([
    [parsePositiveInteger, ['0', '1.5', 'ten', '']],
    [parseNonNegativeInteger, ['-1', '2.5']],
    [parseInteger, ['1.5', 'x']],
    [parsePositiveNumber, ['0', '-1', 'Infinity']],
    [parseFraction, ['1', '-0.1']],
    [parseValidationSize, ['0', '1.5', '-3', '99999999999999999999', '20000000']],
    [parseInteger, ['99999999999999999999', '2147483648', '1e3', '0x10']],
    [parsePositiveInteger, ['99999999999999999999', '9007199254740993', '1e3', '0x10', '1_000']],
  ] as const)('reject bad values (%#)', (parse, values) => {
    for (const value of values) expect(() => parse(value)).toThrow(InvalidArgumentError);
  });
});

describe('createIntegerParser', () => {
  it('states the range in its message', () => {
    const parseScale = createIntegerParser(INTEGER_LIMITS.scale);
    expect(parseScale(' 8 ')).toBe(8);
    expect(parseScale('146')).toBe(146);
    expect(() => parseScale('99999999999999999999')).toThrow(
      'Expected a whole number from 1 to 146, e.g. 8.',
    );
  });

  it('keeps every ceiling a safe integer', () => {
    for (const { min, max } of Object.values(INTEGER_LIMITS)) {
      expect(Number.isSafeInteger(min) && Number.isSafeInteger(max) && min <= max).toBe(true);
    }
  });
});
