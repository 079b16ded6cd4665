/** Placeholder until the package lands. */
export const VERSION = '0.0.0';
