/** A class and its probability. */
export interface ClassProbability {
  index: number;
  name: string;
  probability: number;
}

/** The `k` most probable classes, most probable first (ties keep class order). */
export function topClasses(
  probabilities: ArrayLike<number>,
  classNames: readonly string[],
  k = 3,
): ClassProbability[] {
  return Array.from(probabilities, (probability, index) => ({
    index,
    name: classNames[index] ?? `class ${index}`,
    probability,
  }))
    .sort((a, b) => b.probability - a.probability || a.index - b.index)
    .slice(0, k);
}
