// @fmnist/train/bench: what `fmnist bench` times with — not part of the training API.
export type { ProductSplit, StepFloor, StepProduct } from './measure-floor.js';
export { measureFloor } from './measure-floor.js';
export type { MeasurePytorchOptions, PytorchSpeed } from './measure-pytorch.js';
export { measurePytorch } from './measure-pytorch.js';
export type { MeasureTrainingOptions, TrainingSpeed } from './measure-training.js';
export { measureTraining } from './measure-training.js';
