// The child protocol is `@fmnist/runs`' (the local runner's too).
export type { ChildMessage } from '@fmnist/runs';
export { isChildMessage } from '@fmnist/runs';
