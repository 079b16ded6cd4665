// Tests run on tfjs' pure-JS cpu backend (the only one available everywhere).
import * as tf from '@tensorflow/tfjs';

await tf.setBackend('cpu');
await tf.ready();
