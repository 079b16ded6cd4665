import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/run-cli.js';

describe('fmnist presets', () => {
  it('lists every preset with its parameter count', async () => {
    const result = await runCli(['presets']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/mlp-adam\s+115,306 params\s+adam \(lr 0\.001\)/);
    expect(result.stdout).toMatch(/cnn\s+421,642 params/);
    expect(result.stdout).toContain('mlp-dropout-rmsprop');
  });

  it('lists them as JSON', async () => {
    const result = await runCli(['presets', '--json']);
    expect(result.code).toBe(0);
    const presets = JSON.parse(result.stdout) as { name: string; parameters: number }[];
    expect(presets.map((p) => p.name)).toContain('mlp-deep-sgd');
    expect(presets.find((p) => p.name === 'mlp-deep-sgd')?.parameters).toBe(132_874);
  });

  it('shows one preset: spec JSON, then the layer table', async () => {
    const result = await runCli(['presets', 'mlp-adam']);
    expect(result.code).toBe(0);
    const [json] = result.stdout.split('\n\nModel:');
    expect(JSON.parse(json ?? '')).toMatchObject({ name: 'mlp-adam', optimizer: { name: 'adam' } });
    expect(result.stdout).toContain('Total params: 115,306');
    expect(result.stdout).toContain('dense_4 (Dense)');
  });

  it('prints only the spec with --json', async () => {
    const result = await runCli(['presets', 'cnn', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ name: 'cnn' });
  });

  it('exits 2 on an unknown preset, listing the valid ones with a did-you-mean', async () => {
    const result = await runCli(['presets', 'mlp-adma']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('did you mean "mlp-adam"?');
    expect(result.stderr).toContain('mlp-rmsprop');
    expect(result.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    expect(result.stdout).toBe('');
  });
});
