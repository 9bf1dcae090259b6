import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../electron/core/accounts/password';

describe('scrypt passwords', () => {
  it('stores the parameters and a per-user salt with the hash, and verifies only the right password', async () => {
    const a = await hashPassword('secret1');
    const b = await hashPassword('secret1');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('secret1');
    expect(await verifyPassword('secret1', a)).toBe(true);
    expect(await verifyPassword('secret2', a)).toBe(false);
    expect(await verifyPassword('secret1', null)).toBe(false);
    expect(await verifyPassword('secret1', 'plain$text')).toBe(false);
  });

  it('keeps verifying an old hash made with other parameters', async () => {
    const old = (await hashPassword('x')).split('$');
    // a hash written with N = 1024 by an earlier build still verifies: the parameters are read from it
    const { scryptSync } = await import('node:crypto');
    const salt = Buffer.from(old[4], 'base64');
    const key = scryptSync('letmein', salt, 32, { N: 1024, r: 8, p: 1 });
    expect(await verifyPassword('letmein', `scrypt$1024$8$1$${old[4]}$${key.toString('base64')}`)).toBe(true);
  });
});
