import { join } from 'node:path';
import { MODEL_FILE_NAMES } from '@fmnist/models';
import { type RecordsOnDisk, RUN_FILES, readFileInside } from '@fmnist/runs';
import { type ReportModel, renderHtmlReport } from '@fmnist/viewer';
import { displayPath } from './display-path.js';

/**
 * The viewer's views of these runs and experiments as one self-contained HTML file. Each run's
 * trained model goes along; the viewer embeds those under 2 MB, so Try-it works offline too.
 * Model files whose real path leaves the run directory (a symlink out of it) stay out, with a
 * warning on stderr.
 */
export async function writeHtmlReport(records: RecordsOnDisk): Promise<string> {
  const models: Record<string, ReportModel> = {};
  for (const { dir, record } of records.runs) {
    const names = [MODEL_FILE_NAMES.modelJson, MODEL_FILE_NAMES.weights];
    const files = [];
    for (const name of names) files.push(await readFileInside(dir, join(RUN_FILES.model, name)));
    const [modelJson, weights] = files;
    if (modelJson?.ok && weights?.ok) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(modelJson.bytes.toString('utf8'));
      } catch (error) {
        process.stderr.write(
          `warning: left the model of ${displayPath(dir)} out of the report: its ${MODEL_FILE_NAMES.modelJson} is not JSON (${(error as Error).message}). Train the run again to get a whole model.\n`,
        );
        continue;
      }
      if (typeof parsed === 'object' && parsed !== null) {
        models[record.id] = { modelJson: parsed, weights: new Uint8Array(weights.bytes) };
      }
      continue;
    }
    // No model/ (an interrupted or failed run): the report shows the run without Try-it.
    for (const [i, found] of files.entries()) {
      if (found === undefined || found.ok || found.reason === 'missing') continue;
      const file = join(RUN_FILES.model, names[i] ?? '');
      process.stderr.write(
        `warning: left ${displayPath(join(dir, file))} out of the report: ${
          found.reason === 'outside'
            ? `it is a link to ${found.target}, outside the run directory`
            : found.message
        }. Replace it with the file itself to include the model.\n`,
      );
    }
  }
  return renderHtmlReport({
    runs: records.runs.map((run) => run.record),
    experiments: records.experiments.map((experiment) => experiment.record),
    models,
  });
}
