/**
 * Makes this process end when its parent does. A worker killed with SIGKILL cannot stop its
 * children, which would go on training as orphans (and write into a run directory another worker
 * has taken up); its IPC channel closes, though, and that is what this watches.
 *
 * The channel is unref'd, so that it does not keep a finished child alive.
 *
 * @param onParentGone - what to do then; default: exit at once with code 129 (the run directory
 * keeps the checkpoint of its last completed epoch, written atomically)
 * @returns whether there is a parent to watch (this process was started with an IPC channel)
 */
export function exitWithParent(onParentGone: () => void = () => process.exit(129)): boolean {
  if (typeof process.send !== 'function' || !process.channel) return false;
  process.channel.unref();
  process.once('disconnect', onParentGone);
  return true;
}
