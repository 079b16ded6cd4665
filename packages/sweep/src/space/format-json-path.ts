/** `parameters.learningRate.logRange[0]` from `['parameters', 'learningRate', 'logRange', 0]`; the root is `space`. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text === '' ? 'space' : text;
}
