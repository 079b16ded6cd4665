// The conv2d tests again, with OpenBLAS turned off: Conv2D is then the stock kernel (XNNPACK) and
// Conv2DBackpropFilter builds the patch matrix and multiplies on XNNPACK. (vitest runs each test
// file in a process of its own.)
process.env.FMNIST_OPENBLAS = 'off';
await import('./conv2d-gradients.test.js');
