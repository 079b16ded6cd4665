/** The record file of an experiment directory (DESIGN.md): `experiments/<suite>-<time>/experiment.json`. */
export const EXPERIMENT_FILE = 'experiment.json';
