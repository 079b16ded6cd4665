/**
 * `f` over `items`, at most `limit` calls at a time, the results in the items' order: how the
 * readers of many directories bound their open files and their memory.
 */
export async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  f: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const work = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, work));
  return out;
}
