/** A grayscale image of any size: `width × height` luminance values, 0–255, row-major. */
export interface GrayImage {
  width: number;
  height: number;
  pixels: ArrayLike<number>;
}

/** Options of {@link toDatasetImage}. */
export interface ToDatasetImageOptions {
  /** Output size; default 28 (Fashion-MNIST). */
  size?: number;
  /** Invert when the border is lighter than this mean (0–255); default 127.5. */
  lightBackground?: number;
}

/** What {@link toDatasetImage} did. */
export interface DatasetImage {
  /** `size × size` pixels, 0–255, light garment on a dark background like the dataset. */
  pixels: Uint8Array;
  /** Whether the image had a light background and was inverted. */
  inverted: boolean;
}

/**
 * Bring a photo or drawing of any size to the dataset's form: grayscale, light object on a dark
 * background (a light background — judged by the mean of the border pixels — is inverted), the
 * longer side scaled to `size` by area averaging (every source pixel counts by the area it
 * covers), centred, the rest filled with background.
 */
export function toDatasetImage(
  image: GrayImage,
  options: ToDatasetImageOptions = {},
): DatasetImage {
  const size = options.size ?? 28;
  const { width, height, pixels } = image;
  let borderSum = 0;
  let borderCount = 0;
  for (let x = 0; x < width; x++) {
    borderSum += (pixels[x] ?? 0) + (pixels[(height - 1) * width + x] ?? 0);
    borderCount += 2;
  }
  for (let y = 1; y < height - 1; y++) {
    borderSum += (pixels[y * width] ?? 0) + (pixels[y * width + width - 1] ?? 0);
    borderCount += 2;
  }
  const inverted = borderSum / borderCount > (options.lightBackground ?? 127.5);
  const value = (x: number, y: number) => {
    const v = pixels[y * width + x] ?? 0;
    return inverted ? 255 - v : v;
  };
  // Map the longer side onto `size` output pixels, centring the shorter side.
  const scale = Math.max(width, height) / size;
  const offsetX = (size * scale - width) / 2;
  const offsetY = (size * scale - height) / 2;
  const out = new Uint8Array(size * size);
  for (let oy = 0; oy < size; oy++) {
    const y0 = oy * scale - offsetY;
    const y1 = y0 + scale;
    for (let ox = 0; ox < size; ox++) {
      const x0 = ox * scale - offsetX;
      const x1 = x0 + scale;
      let sum = 0;
      for (let y = Math.max(0, Math.floor(y0)); y < Math.min(height, Math.ceil(y1)); y++) {
        const dy = Math.min(y + 1, y1) - Math.max(y, y0);
        if (dy <= 0) continue;
        for (let x = Math.max(0, Math.floor(x0)); x < Math.min(width, Math.ceil(x1)); x++) {
          const dx = Math.min(x + 1, x1) - Math.max(x, x0);
          if (dx > 0) sum += value(x, y) * dx * dy;
        }
      }
      // Parts of the cell outside the image count as background (0 after inversion).
      out[oy * size + ox] = Math.round(Math.min(255, Math.max(0, sum / (scale * scale))));
    }
  }
  return { pixels: out, inverted };
}
