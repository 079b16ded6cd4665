import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPythonFixed, padPythonStart } from './format-python-float.js';

// Made by make-sklearn-fixtures.py: Python's format(value, '.{digits}f').
const fixture = JSON.parse(
  readFileSync(new URL('../../test/fixtures/python-float-format.json', import.meta.url), 'utf8'),
) as { cases: { value: number; digits: number; text: string }[] };

describe('formatPythonFixed', () => {
  it(`matches Python on ${fixture.cases.length} values, ties included`, () => {
    const wrong = fixture.cases.filter((c) => formatPythonFixed(c.value, c.digits) !== c.text);
    expect(wrong).toEqual([]);
  });

  it('rounds exact ties to even where toFixed rounds up', () => {
    expect((0.125).toFixed(2)).toBe('0.13');
    expect(formatPythonFixed(0.125, 2)).toBe('0.12');
    expect(formatPythonFixed(0.375, 2)).toBe('0.38');
    expect(formatPythonFixed(2.5, 0)).toBe('2');
  });

  it('spells NaN and infinities as Python does', () => {
    expect(formatPythonFixed(Number.NaN, 2)).toBe('nan');
    expect(formatPythonFixed(Number.POSITIVE_INFINITY, 2)).toBe('inf');
    expect(formatPythonFixed(-0.001, 2)).toBe('-0.00');
  });

  it('pads by code points, as Python', () => {
    expect(padPythonStart('👕', 3)).toBe('  👕');
  });
});
