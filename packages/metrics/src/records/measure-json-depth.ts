/**
 * Whether `value` nests arrays and objects more than `limit` levels deep (a bare value is level
 * 0, `[]` level 1). Iterative, so a value nested 100_000 levels deep — which `JSON.parse` builds
 * without complaint — is measured without the recursion that would overflow the stack.
 * @internal
 */
export function isNestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [current, depth] = top;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(current)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}
