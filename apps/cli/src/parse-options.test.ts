import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import {
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
    [parseValidationSize, ['0', '1.5', '-3']],
  ] as const)('reject bad values (%#)', (parse, values) => {
    for (const value of values) expect(() => parse(value)).toThrow(InvalidArgumentError);
  });
});
