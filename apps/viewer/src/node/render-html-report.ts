import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExperimentRecord, RunRecord } from '@fmnist/metrics';
import {
  type EmbeddedModel,
  REPORT_APP_ID,
  REPORT_DATA_ID,
  REPORT_ENGINE_ID,
  type ReportPayload,
} from '../shared/viewer-index.js';
import { escapeJsonForHtml } from './escape-json-for-html.js';
import { viewerDistDir } from './viewer-dist-dir.js';

/** A run's saved model: model.json (its text or parsed value) and the weights file's bytes. */
export interface ReportModel {
  modelJson: string | object;
  weights: Uint8Array;
}

/** What {@link renderHtmlReport} shows. */
export interface HtmlReportInput {
  runs: RunRecord[];
  experiments: ExperimentRecord[];
  /** Models by run id (`RunRecord.id`), embedded for Try it when each is under 2 MB. */
  models?: Record<string, ReportModel>;
}

/** Models at or above this size (model.json and weights) stay out of a report. */
export const MAX_EMBEDDED_MODEL_BYTES = 2 * 1024 * 1024;

const base64 = (text: string | Uint8Array) =>
  Buffer.from(typeof text === 'string' ? Buffer.from(text, 'utf8') : text).toString('base64');

function readBuilt(file: string): string {
  const path = join(viewerDistDir(), file);
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(
      `expected the viewer's built file ${path}, found none: build @fmnist/viewer first (pnpm build)`,
      { cause: error },
    );
  }
}

/**
 * One self-contained HTML file with the viewer's views over these records: the app's script
 * and styles inlined, the records embedded as escaped JSON, and each model under 2 MB embedded
 * so that Try it works offline. It opens from disk (file://) with no server.
 */
export function renderHtmlReport(input: HtmlReportInput): string {
  const models: Record<string, EmbeddedModel> = {};
  const modelsLeftOut: Record<string, string> = {};
  for (const [id, model] of Object.entries(input.models ?? {})) {
    const json =
      typeof model.modelJson === 'string' ? model.modelJson : JSON.stringify(model.modelJson);
    const size = json.length + model.weights.byteLength;
    if (size >= MAX_EMBEDDED_MODEL_BYTES) {
      modelsLeftOut[id] =
        `the model is ${(size / 1024 / 1024).toFixed(1)} MB, over the 2 MB a report embeds: open the run with fmnist view to try it`;
      continue;
    }
    models[id] = { modelJson: JSON.parse(json), weightsBase64: base64(model.weights) };
  }
  const used = new Set<string>();
  const payload: ReportPayload = {
    runs: input.runs.map((record) => ({
      key: record.id,
      source: `${record.name} (${record.id})`,
      record,
      hasModel: record.id in models,
    })),
    experiments: input.experiments.map((record) => ({
      key: record.id,
      source: `${record.suite} (${record.id})`,
      version: record.id,
      record,
      // A report has records, not directories: an experiment's run is the record of its preset and seed.
      runKeys: record.runs.map((run) => {
        const match =
          input.runs.find(
            (r) => !used.has(r.id) && r.preset === run.preset && r.config.seed === run.seed,
          ) ?? input.runs.find((r) => r.preset === run.preset && r.config.seed === run.seed);
        if (!match) return null;
        used.add(match.id);
        return match.id;
      }),
    })),
    models,
    modelsLeftOut,
  };
  const css = readBuilt('assets/app.css').replace(/<\/style/gi, '<\\/style');
  const app = readBuilt('assets/app.js');
  const engine = Object.keys(models).length > 0 ? readBuilt('assets/try-it.js') : '';
  // Scripts travel as base64 so that nothing in them can end their element early.
  const loader =
    `const t=document.getElementById(${JSON.stringify(REPORT_APP_ID)}).textContent;` +
    `const s=document.createElement('script');s.type='module';` +
    `s.textContent=new TextDecoder().decode(Uint8Array.from(atob(t),c=>c.charCodeAt(0)));` +
    'document.body.append(s);';
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<link rel="icon" href="data:,">',
    '<title>fmnist report</title>',
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    '<div id="app"></div>',
    `<script type="application/json" id="${REPORT_DATA_ID}">${escapeJsonForHtml(payload)}</script>`,
    engine ? `<script type="text/plain" id="${REPORT_ENGINE_ID}">${base64(engine)}</script>` : '',
    `<script type="text/plain" id="${REPORT_APP_ID}">${base64(app)}</script>`,
    `<script>${loader}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
