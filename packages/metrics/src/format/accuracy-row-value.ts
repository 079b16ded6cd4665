/**
 * The micro-averaged F1 that scikit-learn prints in the `accuracy` row: 2·a·a / (a + a), which can
 * differ from `a` in the last bit. @internal
 */
export function accuracyRowValue(accuracy: number): number {
  return accuracy === 0 ? 0 : (2 * accuracy * accuracy) / (accuracy + accuracy);
}
