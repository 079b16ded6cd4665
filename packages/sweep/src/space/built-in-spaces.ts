/** The names of the built-in search spaces. */
export const BUILT_IN_SPACE_NAMES = ['sgd-momentum'] as const;

/** One of {@link BUILT_IN_SPACE_NAMES}. */
export type BuiltInSpaceName = (typeof BUILT_IN_SPACE_NAMES)[number];

/**
 * The built-in search spaces as they would be written in a file (JSON), fresh on every call.
 *
 * `sgd-momentum` is the notebook's closing suggestion ("Performance might be improved by adjusting
 * the learning rate and momentum of the SGD optimizer") on its model 3 (`mlp-sgd`), trained as the
 * notebook trained it (batch 200).
 */
export function createBuiltInSpaces(): Record<BuiltInSpaceName, Record<string, unknown>> {
  return {
    'sgd-momentum': {
      name: 'sgd-momentum',
      description:
        "The notebook's suggestion on mlp-sgd: learning rate log-uniform in [1e-3, 0.3], momentum in [0, 0.99], Nesterov on or off, batch 200.",
      preset: 'mlp-sgd',
      training: { epochs: 20, batchSize: 200, holdout: 0.1 },
      parameters: {
        learningRate: { logRange: [0.001, 0.3], points: 4 },
        momentum: { range: [0, 0.99], points: 4 },
        nesterov: [false, true],
      },
    },
  };
}
