/**
 * Whether `bytes` start with the gzip magic number (0x1f 0x8b). IDX files never do: their first
 * two bytes are zero.
 */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}
