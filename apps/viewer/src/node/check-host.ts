/** Host names the viewer answers to without being told: this machine's loopback names. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const;

/**
 * The host name of a `Host` header, lower-cased and without its port (`[::1]:8080` → `[::1]`);
 * `undefined` when it is missing or malformed.
 */
export function hostName(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(header.trim());
  return match?.[1]?.toLowerCase();
}

/**
 * Whether a request's `Host` header names this machine (`localhost`, `127.0.0.1`, `[::1]`,
 * any port) or one of `allowed`. Refusing every other name stops DNS rebinding: a web page on
 * evil.example that resolves its name to 127.0.0.1 still sends `Host: evil.example`.
 */
export function isAllowedHost(
  header: string | undefined,
  allowed: readonly string[] = [],
): boolean {
  const name = hostName(header);
  if (name === undefined) return false;
  return (
    (LOOPBACK_HOSTS as readonly string[]).includes(name) ||
    allowed.some((a) => a.toLowerCase() === name)
  );
}
