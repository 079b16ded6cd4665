import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../build/build-model.js';
import { disposeModel } from '../build/dispose-model.js';
import { ModelsError } from '../errors/models-error.js';
import { getPreset } from '../presets/get-preset.js';
import { PRESET_NAMES } from '../presets/preset-names.js';
import { loadModel } from './load-model.js';
import { loadModelFromFiles } from './load-model-from-files.js';
import { loadModelFromUrl } from './load-model-from-url.js';
import { saveModel } from './save-model.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'fmnist-models-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** All weights as one byte string (compared with Buffer.equals: element-wise toEqual is slow). */
const weightBytes = (model: tf.LayersModel): string =>
  Buffer.concat(
    model.getWeights().map((w) => Buffer.from((w.dataSync() as Float32Array).slice().buffer)),
  ).toString('base64');

const predict = (model: tf.LayersModel): Float32Array =>
  tf.tidy(
    () =>
      (
        model.predict(tf.randomUniform([4, 784], 0, 1, 'float32', 11)) as tf.Tensor
      ).dataSync() as Float32Array,
  );

async function expectModelsError(promise: Promise<unknown>, code: string, text: RegExp) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(ModelsError.isInstance(error)).toBe(true);
  expect((error as ModelsError).code).toBe(code);
  expect((error as ModelsError).message).toMatch(text);
}

describe('saveModel / loadModel', () => {
  it.each(PRESET_NAMES)(
    '%s round-trips weights bit for bit and predictions exactly',
    async (name) => {
      const dir = join(root, name);
      const before = tf.memory().numTensors;
      const model = buildModel(getPreset(name), { seed: 21 });
      await saveModel(model, dir);
      expect((await readdir(dir)).sort()).toEqual(['model.json', 'weights.bin']);
      const loaded = await loadModel(dir);
      expect(weightBytes(loaded)).toEqual(weightBytes(model));
      expect(loaded.weights.map((w) => w.originalName)).toEqual(
        model.weights.map((w) => w.originalName),
      );
      expect(predict(loaded)).toEqual(predict(model));
      // Saved with its compile settings: the loaded model is ready for evaluate/fit.
      expect(loaded.optimizer.getClassName()).toBe(model.optimizer.getClassName());
      expect(loaded.optimizer.getConfig()).toEqual(model.optimizer.getConfig());
      disposeModel(model);
      disposeModel(loaded);
      expect(tf.memory().numTensors).toBe(before);
    },
  );

  it('writes the standard tfjs LayersModel format', async () => {
    const dir = join(root, 'format');
    const model = buildModel(getPreset('mlp-adam'), { seed: 1 });
    await saveModel(model, dir);
    const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
    expect(json.format).toBe('layers-model');
    expect(json.generatedBy).toBe('TensorFlow.js tfjs-layers v4.22.0');
    expect(json.modelTopology.class_name).toBe('Sequential');
    expect(json.weightsManifest).toEqual([
      {
        paths: ['weights.bin'],
        weights: expect.arrayContaining([
          { name: 'dense/kernel', shape: [784, 128], dtype: 'float32' },
        ]),
      },
    ]);
    expect((await readFile(join(dir, 'weights.bin'))).byteLength).toBe(115_306 * 4);
    // tfjs' own loader (as a browser would use it) reads the files too.
    const viaTfjs = await tf.loadLayersModel(
      tf.io.fromMemory(
        json.modelTopology,
        json.weightsManifest[0].weights,
        new Uint8Array(await readFile(join(dir, 'weights.bin'))).buffer,
      ),
    );
    expect(predict(viaTfjs)).toEqual(predict(model));
    disposeModel(model);
    disposeModel(viaTfjs);
  });

  it('saves the optimizer state on request', async () => {
    const dir = join(root, 'with-optimizer');
    const model = buildModel(getPreset('mlp-adam'), { seed: 1 });
    const x = tf.randomUniform([8, 784], 0, 1, 'float32', 1);
    const y = tf.tidy(() => tf.oneHot(tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7], 'int32'), 10));
    await model.fit(x, y, { epochs: 1, verbose: 0 });
    await saveModel(model, dir, { includeOptimizer: true });
    const loaded = await loadModel(join(dir, 'model.json'));
    const state = async (m: tf.LayersModel) =>
      (await m.optimizer.getWeights()).map((w) => Array.from(w.tensor.dataSync()));
    expect(await state(loaded)).toEqual(await state(model));
    tf.dispose([x, y]);
    disposeModel(model);
    disposeModel(loaded);
  });

  it('replaces an earlier save atomically, leaving no temporary files', async () => {
    const dir = join(root, 'replace');
    const first = buildModel(getPreset('mlp-sgd'), { seed: 1 });
    const second = buildModel(getPreset('mlp-sgd'), { seed: 2 });
    await saveModel(first, dir);
    await saveModel(second, dir);
    expect((await readdir(dir)).sort()).toEqual(['model.json', 'weights.bin']);
    const loaded = await loadModel(dir);
    expect(weightBytes(loaded)).toEqual(weightBytes(second));
    for (const m of [first, second, loaded]) disposeModel(m);
  });

  it('names a missing directory, model.json or weights file', async () => {
    await expectModelsError(
      loadModel(join(root, 'nowhere')),
      'MODEL_FILE_MISSING',
      /nowhere: the path does not exist/,
    );
    const empty = join(root, 'empty');
    await saveModel(buildModel(getPreset('mlp-sgd'), { seed: 1 }), empty);
    await rm(join(empty, 'model.json'));
    await expectModelsError(
      loadModel(empty),
      'MODEL_FILE_MISSING',
      /empty\/model\.json, found no such file/,
    );
    const noWeights = join(root, 'no-weights');
    await saveModel(buildModel(getPreset('mlp-sgd'), { seed: 1 }), noWeights);
    await rm(join(noWeights, 'weights.bin'));
    await expectModelsError(
      loadModel(noWeights),
      'WEIGHTS_FILE_MISSING',
      /needs weights file .*no-weights\/weights\.bin, which does not exist: copy it next to model\.json/,
    );
  });

  it('rejects a truncated or mismatched weights file and a damaged model.json', async () => {
    const dir = join(root, 'damaged');
    const model = buildModel(getPreset('mlp-sgd'), { seed: 1 });
    await saveModel(model, dir);
    const weights = await readFile(join(dir, 'weights.bin'));
    await truncate(join(dir, 'weights.bin'), 1000);
    await expectModelsError(
      loadModel(dir),
      'WEIGHTS_SIZE_MISMATCH',
      /expected 461224 bytes of weights .* found 1000 in .*weights\.bin \(1000 bytes\): the weights file is truncated or comes from another model/,
    );
    const other = buildModel(getPreset('mlp-sgd'), { seed: 2 });
    await saveModel(other, join(root, 'other'));
    await writeFile(join(dir, 'weights.bin'), await readFile(join(root, 'other', 'weights.bin')));
    await expectModelsError(loadModel(dir), 'WEIGHTS_CHECKSUM_MISMATCH', /comes from another save/);
    await writeFile(join(dir, 'weights.bin'), weights);
    await writeFile(join(dir, 'model.json'), '{"modelTopology": ');
    await expectModelsError(
      loadModel(dir),
      'MODEL_FILE_INVALID',
      /to be JSON, but it does not parse/,
    );
    await writeFile(join(dir, 'model.json'), '{"hello": 1}');
    await expectModelsError(loadModel(dir), 'MODEL_FILE_INVALID', /found keys hello/);
    disposeModel(model);
    disposeModel(other);
  });

  it('reports an unwritable target as SAVE_FAILED', async () => {
    const file = join(root, 'a-file');
    await writeFile(file, 'x');
    const model = buildModel(getPreset('mlp-sgd'), { seed: 1 });
    await expectModelsError(
      saveModel(model, join(file, 'sub')),
      'SAVE_FAILED',
      /could not save the model to/,
    );
    disposeModel(model);
  });
});

describe('loadModelFromUrl', () => {
  it('loads model.json and weights over HTTP', async () => {
    const dir = join(root, 'served');
    const model = buildModel(getPreset('mlp-dropout-rmsprop'), { seed: 3 });
    await saveModel(model, dir);
    const server = createServer((request, response) => {
      readFile(join(dir, (request.url ?? '/').slice(1))).then(
        (body) => response.end(body),
        () => {
          response.statusCode = 404;
          response.end();
        },
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const loaded = await loadModelFromUrl(`http://127.0.0.1:${port}/model.json`);
      expect(predict(loaded)).toEqual(predict(model));
      disposeModel(loaded);
      await expectModelsError(
        loadModelFromUrl(`http://127.0.0.1:${port}/missing/model.json`),
        'LOAD_FAILED',
        /could not load a tfjs LayersModel from http:\/\/127\.0\.0\.1:\d+\/missing\/model\.json/,
      );
    } finally {
      server.close();
      disposeModel(model);
    }
  });
});

describe('loadModelFromFiles', () => {
  // Node has File but not FileReader, which tf.io.browserFiles uses: a minimal stand-in.
  class FileReaderStandIn {
    onload: ((event: { target: { result: unknown } }) => void) | null = null;
    onerror: ((error: unknown) => void) | null = null;
    readAsText(blob: Blob) {
      blob.text().then((result) => this.onload?.({ target: { result } }), this.onerror);
    }
    readAsArrayBuffer(blob: Blob) {
      blob.arrayBuffer().then((result) => this.onload?.({ target: { result } }), this.onerror);
    }
  }

  it('loads dropped files in any order', async () => {
    const dir = join(root, 'dropped');
    const model = buildModel(getPreset('cnn'), { seed: 4 });
    await saveModel(model, dir);
    const files = await Promise.all(
      ['weights.bin', 'model.json'].map(
        async (name) => new File([await readFile(join(dir, name))], name),
      ),
    );
    const original = globalThis.FileReader;
    Object.assign(globalThis, { FileReader: FileReaderStandIn });
    try {
      const loaded = await loadModelFromFiles(files);
      expect(predict(loaded)).toEqual(predict(model));
      disposeModel(loaded);
      await expectModelsError(
        loadModelFromFiles(files.slice(0, 1)),
        'MODEL_FILE_MISSING',
        /expected exactly one \.json file \(model\.json\) among the files, found 0: select model\.json together with its weights file/,
      );
      await expectModelsError(
        loadModelFromFiles(files.slice(1)),
        'WEIGHTS_FILE_MISSING',
        /model\.json needs weights file "weights\.bin", which is not among the files \(model\.json\): select it too/,
      );
      await expectModelsError(
        loadModelFromFiles([files[1] as File, new File([new Uint8Array(10)], 'weights.bin')]),
        'WEIGHTS_SIZE_MISMATCH',
        /expected \d+ bytes of weights as model\.json describes, found 10 in weights\.bin \(10 bytes\)/,
      );
    } finally {
      Object.assign(globalThis, { FileReader: original });
      disposeModel(model);
    }
  });
});
