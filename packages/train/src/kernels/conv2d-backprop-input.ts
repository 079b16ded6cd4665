import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

type TensorInfo = tf.TensorInfo;

/**
 * Conv2DBackpropInput for the wasm backend. The stock kernel is a scalar loop; with stride 1 the
 * input gradient is itself a convolution — of `dy` with the filter turned 180° and its channels
 * swapped, padded by `filter − 1 − pad` — which runs on the backend's XNNPACK Conv2D. Other
 * strides go to the stock kernel.
 */
export function makeConv2DBackpropInputWasm(stock: tf.KernelConfig): tf.KernelFunc {
  return (args) => {
    const backend = args.backend as BackendWasm;
    const { dy, filter } = args.inputs as { dy: TensorInfo; filter: TensorInfo };
    const attrs = args.attrs as unknown as tf.Conv2DBackpropInputAttrs;
    const dataFormat = tf.backend_util.convertConv2DDataFormat(attrs.dataFormat);
    const info = tf.backend_util.computeConv2DInfo(
      attrs.inputShape,
      filter.shape as [number, number, number, number],
      attrs.strides,
      1,
      attrs.pad,
      attrs.dimRoundingMode,
      false,
      dataFormat,
    );
    const conv2d = tf.getKernel('Conv2D', 'wasm');
    if (
      info.strideHeight !== 1 ||
      info.strideWidth !== 1 ||
      dataFormat !== 'channelsLast' ||
      !conv2d
    ) {
      return stock.kernelFunc(args);
    }
    const { filterHeight: fh, filterWidth: fw, inChannels: ci, outChannels: co } = info;
    const w = backend.readSync(filter.dataId) as Float32Array;
    const flipped = backend.makeOutput([fh, fw, co, ci], 'float32');
    const f = backend.typedArrayFromHeap(flipped) as Float32Array;
    for (let h = 0; h < fh; h++) {
      for (let x = 0; x < fw; x++) {
        const src = ((fh - 1 - h) * fw + (fw - 1 - x)) * ci * co;
        const dst = (h * fw + x) * co * ci;
        for (let i = 0; i < ci; i++) {
          for (let o = 0; o < co; o++) f[dst + o * ci + i] = w[src + i * co + o] as number;
        }
      }
    }
    const top = fh - 1 - info.padInfo.top;
    const left = fw - 1 - info.padInfo.left;
    const bottom = info.inHeight + fh - 1 - info.outHeight - top;
    const right = info.inWidth + fw - 1 - info.outWidth - left;
    const result = conv2d.kernelFunc({
      inputs: { x: dy, filter: flipped },
      backend,
      attrs: {
        strides: 1,
        pad: [
          [0, 0],
          [top, bottom],
          [left, right],
          [0, 0],
        ],
        dataFormat: 'NHWC',
        dilations: 1,
      } as unknown as tf.NamedAttrMap,
    }) as TensorInfo;
    backend.disposeData(flipped.dataId);
    return result;
  };
}
