// The BatchMatMul tests again, with OpenBLAS turned off: products on XNNPACK, as where
// @fmnist/openblas cannot build. (vitest runs each test file in a process of its own; the tests pass `openblas: false` to
// selectBackend when this is set.)
process.env.FMNIST_OPENBLAS = 'off';
await import('./batch-mat-mul.test.js');
