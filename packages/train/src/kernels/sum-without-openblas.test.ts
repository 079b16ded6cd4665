// The Sum tests again, with OpenBLAS turned off: sums in JavaScript. (vitest runs each test file
// in a process of its own.)
process.env.FMNIST_OPENBLAS = 'off';
await import('./sum.test.js');
