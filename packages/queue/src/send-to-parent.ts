// `@fmnist/runs`' implementation, re-exported for `@fmnist/queue/child`.
export { sendToParent } from '@fmnist/runs';
