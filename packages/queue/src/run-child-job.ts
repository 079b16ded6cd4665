// One job in a child process: `@fmnist/runs`' implementation, which the local runner uses too.
export type { RunChildJobOptions } from '@fmnist/runs';
export { runChildJob } from '@fmnist/runs';
