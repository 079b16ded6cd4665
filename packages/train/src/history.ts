/** One epoch of training, with our names whatever tfjs calls them. */
// A type alias, not an interface, so that it fits the record schema's open object type.
export type HistoryEntry = {
  /** From 1. */
  epoch: number;
  /** Mean training loss over the epoch's batches (dropout active), as Keras logs it. */
  loss: number;
  /** Training accuracy over the epoch's batches. */
  accuracy: number;
  /** Loss on the validation data, when there is any. */
  valLoss?: number;
  /** Accuracy on the validation data, when there is any. */
  valAccuracy?: number;
  /** Wall time of the epoch, validation included. */
  seconds: number;
  /** The learning rate the epoch ran with. */
  learningRate: number;
};
