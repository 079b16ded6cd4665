// `@fmnist/runs`' implementation, re-exported for `@fmnist/queue/child`.
export { exitWithParent } from '@fmnist/runs';
