import { describe, expect, it } from 'vitest';
import { minimalRun } from '../../test/minimal-run.js';
import { REPORT_DATA_ID, type ReportPayload } from '../shared/viewer-index.js';
import { escapeJsonForHtml } from './escape-json-for-html.js';
import { renderHtmlReport } from './render-html-report.js';

const payloadOf = (html: string): ReportPayload => {
  const match = new RegExp(
    `<script type="application/json" id="${REPORT_DATA_ID}">(.*?)</script>`,
    's',
  ).exec(html);
  return JSON.parse(match?.[1] ?? 'null') as ReportPayload;
};

describe('escapeJsonForHtml', () => {
  it('leaves nothing that can close or confuse a script element, and reads back the same', () => {
    const value = { name: '</script><script>alert(1)</script><!-- & \u2028' };
    const text = escapeJsonForHtml(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('renderHtmlReport', () => {
  it('embeds the records safely, inlines the app and needs no other file', () => {
    const name = '</script><img src=x onerror=alert(1)>';
    const html = renderHtmlReport({ runs: [minimalRun({ name })], experiments: [] });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet/);
    expect(payloadOf(html).runs[0]?.record).toMatchObject({ name });
    expect(html).not.toContain('fmnist-try-it-engine');
  });

  it('embeds models under 2 MB, with the Try-it engine, and leaves larger ones out', () => {
    const modelJson = {
      modelTopology: {},
      weightsManifest: [{ paths: ['weights.bin'], weights: [] }],
    };
    const html = renderHtmlReport({
      runs: [minimalRun({ id: 'small' }), minimalRun({ id: 'big' })],
      experiments: [],
      models: {
        small: { modelJson, weights: new Uint8Array([1, 2, 3]) },
        big: { modelJson: JSON.stringify(modelJson), weights: new Uint8Array(2 * 1024 * 1024) },
      },
    });
    const payload = payloadOf(html);
    expect(payload.models.small?.weightsBase64).toBe('AQID');
    expect(payload.models.big).toBeUndefined();
    expect(payload.modelsLeftOut.big).toMatch(/2 MB/);
    expect(payload.runs.map((r) => r.hasModel)).toEqual([true, false]);
    expect(html).toContain('id="fmnist-try-it-engine"');
  });
});
