import { type DatasetImage, toDatasetImage, toGrayImage } from '@fmnist/dataset/browser';
import { decodePixels, IMAGE_SIDE } from '../data/decode-pixels.js';
import type { LoadedRun } from '../data/read-run-entry.js';
import { topClasses } from '../data/top-classes.js';
import type { TryItModel } from '../shared/try-it-engine.js';
import { classNamesOf } from './confusion-view.js';
import { h } from './dom.js';
import { paintPixels } from './draw-sample.js';
import { loadTryItEngine } from './load-try-it-engine.js';
import { pickRunRecord, runSignature } from './run-picker.js';
import type { View, ViewContext } from './state.js';

const SIZE = 280;

/**
 * 784 values in [0, 1] from the drawing canvas: the mean grey of each 10×10 block (light on
 * dark). A box average is exact for a test image drawn as blocks, where a smoothed downscale
 * would blend neighbouring pixels.
 */
function readPixels(canvas: HTMLCanvasElement): Float32Array {
  const pixels = new Float32Array(IMAGE_SIDE * IMAGE_SIDE);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return pixels;
  const { data } = context.getImageData(0, 0, SIZE, SIZE);
  const block = SIZE / IMAGE_SIDE;
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const i = (y * SIZE + x) * 4;
      const grey = ((data[i] ?? 0) + (data[i + 1] ?? 0) + (data[i + 2] ?? 0)) / 765;
      const p = Math.floor(y / block) * IMAGE_SIDE + Math.floor(x / block);
      pixels[p] = (pixels[p] ?? 0) + grey / (block * block);
    }
  }
  return pixels;
}

/**
 * An image file in the dataset's 28×28 form by the same rules as `fmnist predict`
 * (`toGrayImage` then `toDatasetImage` of `@fmnist/dataset/browser`: BT.601 luminance, alpha over
 * white, a light border inverted, area-averaged, centred). Decoded at its natural size with neither
 * premultiplied alpha nor colour-space conversion, so the bytes are the file's own.
 */
export async function readImageFile(file: Blob): Promise<DatasetImage> {
  const bitmap = await createImageBitmap(file, {
    premultiplyAlpha: 'none',
    colorSpaceConversion: 'none',
  });
  try {
    const { width, height } = bitmap;
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('this browser gives no 2-D canvas to read the image with');
    context.drawImage(bitmap, 0, 0);
    return toDatasetImage(toGrayImage(context.getImageData(0, 0, width, height)));
  } finally {
    bitmap.close();
  }
}

/** Draw or drop an image and see the run's model's top-3 classes, computed here with tfjs. */
export function tryItView(context: ViewContext): View {
  const { state } = context;
  const qualifies = (_summary: unknown, run: LoadedRun) =>
    state.mode === 'report' ? run.key in state.models : run.hasModel;
  const title = h('h1', { id: 'view-title' }, 'Try it');
  const leftOut = Object.values(state.modelsLeftOut)[0];
  const picked = pickRunRecord(
    context,
    title,
    qualifies,
    leftOut ?? 'No run has a saved model (model/) to try yet.',
  );
  if ('element' in picked) return { element: picked.element };
  const { run, record, picker } = picked;
  const names = classNamesOf(record.classNames, record.confusionMatrix?.length ?? 10);
  const status = h('p', { class: 'status-line', 'aria-live': 'polite', id: 'try-status' });
  const results = h('ol', { class: 'predictions', id: 'predictions', 'aria-live': 'polite' });
  const canvas = h('canvas', {
    class: 'draw',
    width: SIZE,
    height: SIZE,
    'aria-label': 'Drawing area: draw a piece of clothing, light on dark, or drop an image here',
  });
  const ink = canvas.getContext('2d', { willReadFrequently: true });
  const clear = () => {
    if (!ink) return;
    ink.fillStyle = '#000';
    ink.fillRect(0, 0, SIZE, SIZE);
  };
  clear();

  let model: Promise<TryItModel> | undefined;
  let disposed = false;
  const getModel = () => {
    model ??= (async () => {
      status.textContent = 'Loading TensorFlow.js and the model…';
      const engine = await loadTryItEngine();
      const embedded = state.models[run.key];
      const loaded = embedded
        ? await engine.loadFromEmbedded(embedded)
        : await engine.loadFromUrl(
            new URL(`api/runs/${encodeURIComponent(run.key)}/model/model.json`, document.baseURI)
              .href,
          );
      status.textContent = `Model of ${record.name} loaded.`;
      return loaded;
    })();
    model.catch(() => {
      model = undefined;
    });
    return model;
  };

  const predict = async () => {
    try {
      const loaded = await getModel();
      if (disposed) return;
      const probabilities = await loaded.predict(readPixels(canvas));
      const top = topClasses(probabilities, names, 3);
      results.replaceChildren(
        ...top.map((t) => {
          const fill = h('span', { class: 'bar-fill precision' });
          fill.style.width = `${(t.probability * 100).toFixed(1)}%`;
          return h(
            'li',
            null,
            h('span', { class: 'class-name' }, t.name),
            h('span', { class: 'bar', 'aria-hidden': 'true' }, fill),
            `${(t.probability * 100).toFixed(1)}%`,
          );
        }),
      );
      status.textContent = `Top 3 classes by ${record.name}.`;
    } catch (error) {
      status.textContent = `Could not predict: ${(error as Error).message}`;
    }
  };

  // Drawing with a pointer (mouse, pen, touch).
  let drawing = false;
  const point = (event: PointerEvent) => {
    const box = canvas.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) / box.width) * SIZE,
      y: ((event.clientY - box.top) / box.height) * SIZE,
    };
  };
  canvas.addEventListener('pointerdown', (event) => {
    drawing = true;
    canvas.setPointerCapture?.(event.pointerId);
    const { x, y } = point(event);
    ink?.beginPath();
    ink?.moveTo(x, y);
  });
  canvas.addEventListener('pointermove', (event) => {
    if (!drawing || !ink) return;
    const { x, y } = point(event);
    ink.strokeStyle = '#fff';
    ink.lineWidth = 22;
    ink.lineCap = 'round';
    ink.lineJoin = 'round';
    ink.lineTo(x, y);
    ink.stroke();
  });
  const stop = () => {
    if (!drawing) return;
    drawing = false;
    void predict();
  };
  canvas.addEventListener('pointerup', stop);
  canvas.addEventListener('pointerleave', stop);

  // Images: dropped on the canvas or picked with the file input.
  const showImage = async (file: File) => {
    if (!ink) return;
    try {
      const { pixels } = await readImageFile(file);
      const small = document.createElement('canvas');
      paintPixels(small, pixels);
      ink.imageSmoothingEnabled = false;
      ink.drawImage(small, 0, 0, SIZE, SIZE);
      await predict();
    } catch (error) {
      status.textContent = `Could not read ${file.name} as an image: ${(error as Error).message}`;
    }
  };
  canvas.addEventListener('dragover', (event) => {
    event.preventDefault();
    event.stopPropagation();
  });
  canvas.addEventListener('drop', (event) => {
    event.preventDefault();
    event.stopPropagation();
    const file = event.dataTransfer?.files[0];
    if (file) void showImage(file);
  });

  // A test image from the record: a way in without a pointer. Ordinary test images (ones the
  // model gets right) come first; its most confident mistakes are offered apart, labelled as
  // such, so that the first image tried does not read as a broken model.
  const all = record.samples ?? [];
  const right = all.filter((s) => s.label === s.predicted).slice(0, 30);
  const wrong = all.filter((s) => s.label !== s.predicted && s.kind === 'mistake').slice(0, 10);
  const samples = [...right, ...wrong];
  const sampleSelect = h(
    'select',
    { id: 'try-sample' },
    h('option', { value: '' }, 'choose a test image…'),
    h(
      'optgroup',
      { label: 'Test images the model gets right' },
      right.map((s, i) => h('option', { value: i }, `#${s.index}: ${names[s.label] ?? s.label}`)),
    ),
    wrong.length > 0
      ? h(
          'optgroup',
          { label: 'Its most confident mistakes' },
          wrong.map((s, i) =>
            h(
              'option',
              { value: right.length + i },
              `#${s.index}: ${names[s.label] ?? s.label} (a mistake: taken for ${names[s.predicted] ?? s.predicted})`,
            ),
          ),
        )
      : null,
  );
  sampleSelect.addEventListener('change', () => {
    const sample = samples[Number(sampleSelect.value)];
    if (!sample || !ink || sampleSelect.value === '') return;
    const small = document.createElement('canvas');
    paintPixels(small, decodePixels(sample.pixels));
    ink.imageSmoothingEnabled = false;
    ink.drawImage(small, 0, 0, SIZE, SIZE);
    void predict();
  });

  return {
    element: h(
      'section',
      null,
      title,
      picker,
      h(
        'div',
        { class: 'try-it' },
        h('div', { class: 'draw-area' }, canvas),
        h(
          'div',
          { class: 'try-controls' },
          h(
            'button',
            { type: 'button', id: 'try-predict', onclick: () => void predict() },
            'Predict',
          ),
          h(
            'button',
            {
              type: 'button',
              id: 'try-clear',
              onclick: () => {
                clear();
                results.replaceChildren();
              },
            },
            'Clear',
          ),
          h('label', null, 'Test image ', sampleSelect),
          h(
            'label',
            null,
            'Image file ',
            h('input', {
              type: 'file',
              accept: 'image/*',
              id: 'try-file',
              onchange: (event: Event) => {
                const file = (event.target as HTMLInputElement).files?.[0];
                if (file) void showImage(file);
              },
            }),
          ),
          status,
          results,
        ),
      ),
    ),
    signature: () => runSignature(run),
    dispose() {
      disposed = true;
      void model?.then((m) => m.dispose()).catch(() => undefined);
    },
  };
}
