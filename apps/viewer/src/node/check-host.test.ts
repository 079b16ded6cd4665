import { describe, expect, it } from 'vitest';
import { hostName, isAllowedHost } from './check-host.js';

describe('isAllowedHost', () => {
  it('answers this machine’s loopback names, with or without a port', () => {
    for (const host of ['localhost', 'LOCALHOST:8080', '127.0.0.1:41234', '[::1]', '[::1]:9000']) {
      expect(isAllowedHost(host), host).toBe(true);
    }
  });
  it('refuses other names (DNS rebinding), missing and malformed headers', () => {
    for (const host of [
      'evil.example',
      'evil.example:8080',
      '127.0.0.2',
      'localhost.evil.example',
      '',
      undefined,
      'a b',
      'localhost:x',
    ]) {
      expect(isAllowedHost(host), String(host)).toBe(false);
    }
  });
  it('answers a name given explicitly', () => {
    expect(isAllowedHost('box.lan:8080', ['box.lan'])).toBe(true);
    expect(hostName('[::1]:80')).toBe('[::1]');
  });
});
