/**
 * The sha256 of `bytes` as lowercase hex, with Web Crypto (`globalThis.crypto.subtle`), which
 * Node ≥ 20 and browsers both provide.
 */
export async function computeSha256(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
