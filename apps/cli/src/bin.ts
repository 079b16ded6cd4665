// The fmnist command line: see apps/cli/README.md.
console.log('fmnist: not built yet');
