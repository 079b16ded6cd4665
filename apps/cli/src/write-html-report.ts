import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type RecordsOnDisk, RUN_FILES } from '@fmnist/runs';
import { type ReportModel, renderHtmlReport } from '@fmnist/viewer';

/**
 * The viewer's views of these runs and experiments as one self-contained HTML file. Each run's
 * trained model goes along; the viewer embeds those under 2 MB, so Try-it works offline too.
 */
export async function writeHtmlReport(records: RecordsOnDisk): Promise<string> {
  const models: Record<string, ReportModel> = {};
  for (const { dir, record } of records.runs) {
    const modelDir = join(dir, RUN_FILES.model);
    try {
      models[record.id] = {
        modelJson: await readFile(join(modelDir, 'model.json'), 'utf8'),
        weights: new Uint8Array(await readFile(join(modelDir, 'weights.bin'))),
      };
    } catch {
      // No model/ (an interrupted or failed run): the report shows the run without Try-it.
    }
  }
  return renderHtmlReport({
    runs: records.runs.map((run) => run.record),
    experiments: records.experiments.map((experiment) => experiment.record),
    models,
  });
}
