/**
 * Fashion-MNIST's ten classes; a label `i` means `CLASS_NAMES[i]`. Names as in the dataset's
 * README (zalandoresearch/fashion-mnist).
 */
export const CLASS_NAMES = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
] as const;

/** One of {@link CLASS_NAMES}. */
export type ClassName = (typeof CLASS_NAMES)[number];
