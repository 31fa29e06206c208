import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../../local/cli/io.ts';
import { main } from '../../../local/cli/main.ts';
import { loadDevSecret } from '../../../local/serve/dev-secret.ts';
import { signDevToken, verifyDevToken } from '../../../local/serve/dev-token.ts';

const cwd = mkdtempSync(join(tmpdir(), 'wfc-token-'));

function captureIO(): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
    interactive: false,
    cwd,
  };
  return io;
}

describe('Command: wfc token', () => {
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it('prints a token that wfc serve accepts, with the authorizer’s string claims', async () => {
    // Act
    const io = captureIO();
    const code = await main(['token', '--district', '11680', '--role', 'supervisor', '--sub', 'park'], io);
    const claims = await verifyDevToken(io.out.trim(), loadDevSecret(cwd));

    // Assess
    expect(code).toBe(0);
    expect(claims).toMatchObject({ sub: 'park', 'custom:district': '11680', 'cognito:groups': 'supervisor' });
    expect(statSync(join(cwd, '.wfc', 'dev-secret')).mode & 0o777).toBe(0o600);
  });

  it('exits 2 with one line on stderr for a bad district or role', async () => {
    // Act
    const badDistrict = captureIO();
    const badRole = captureIO();
    const codes = [
      await main(['token', '--district', '강남구'], badDistrict),
      await main(['token', '--district', '11680', '--role', 'admin'], badRole),
    ];

    // Assess
    expect(codes).toEqual([2, 2]);
    expect(badDistrict.err).toBe(
      'wfc token: --district must be a 5-digit district code, e.g. --district 11680\n',
    );
    expect(badRole.out).toBe('');
  });

  it('rejects expired, foreign-signed and district-less tokens', async () => {
    // Prepare
    const secret = loadDevSecret(cwd);
    const past = Math.floor(Date.now() / 1000) - 60;
    const expired = await signDevToken({ district: '11680', issuedAt: past - 10, expires: past }, secret);
    const foreign = await signDevToken({ district: '11680' }, new TextEncoder().encode('x'.repeat(40)));

    // Act + Assess
    await expect(verifyDevToken(expired, secret)).rejects.toThrow('The token has expired');
    await expect(verifyDevToken(foreign, secret)).rejects.toThrow('The token is not valid');
    await expect(verifyDevToken('garbage', secret)).rejects.toThrow('The token is not valid');
  });
});
