import { describe, expect, it } from 'vitest';
import { displayPath, quoteForShell } from './display-path.js';

describe('displayPath', () => {
  it('is relative under the working directory, else absolute', () => {
    expect(displayPath('/work/runs/a', '/work')).toBe('runs/a');
    expect(displayPath('/other/runs/a', '/work')).toBe('/other/runs/a');
    expect(displayPath('/work', '/work')).toBe('.');
  });
});

describe('quoteForShell', () => {
  it('quotes only when needed', () => {
    expect(quoteForShell('runs/mlp-adam-20250101-120000')).toBe('runs/mlp-adam-20250101-120000');
    expect(quoteForShell("my runs/it's")).toBe(`'my runs/it'\\''s'`);
  });
});
