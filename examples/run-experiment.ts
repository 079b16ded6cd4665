// Run the notebook's comparison from TypeScript: what `fmnist experiment notebook` does, as a library.
// Run: npx tsx run-experiment.ts [epochs]      (default 2; the notebook trained 100)
//
// Each run is a child process (two at a time on two cores) writing
// experiments/notebook-<time>/runs/<preset>-seed0-<time>/; experiment.json holds the table.
import { relative } from 'node:path';
import { runExperiment } from '@fmnist/train';

const epochs = Number(process.argv[2] ?? 2);
const controller = new AbortController();
process.once('SIGINT', () => controller.abort()); // Ctrl-C: the running runs save and stop

const result = await runExperiment({
  suite: 'notebook',
  presets: ['mlp-adam', 'mlp-sgd'], // two of the suite's five, to be quick
  epochs,
  out: 'experiments',
  signal: controller.signal,
  onEvent: (event) => {
    if (event.type === 'run-finished') {
      console.log(`${event.run.name} ${event.status} (${event.finished}/${event.runs} runs)`);
    }
  },
});
console.log(`${result.status}: ${relative('.', result.dir)}`);
for (const row of result.record.rows) {
  console.log(`${row.preset}: test accuracy ${row.testAccuracy?.toFixed(4) ?? '-'}`);
}
