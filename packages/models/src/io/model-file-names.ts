/** File names a saved model's directory holds (the tfjs LayersModel format, as `saveModel` writes it). */
export const MODEL_FILE_NAMES = { modelJson: 'model.json', weights: 'weights.bin' } as const;
