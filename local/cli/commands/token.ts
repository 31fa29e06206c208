/**
 * `wfc token --district <code> [--role caseworker|supervisor] [--sub <name>] [--expires 8h]`: prints a dev JWT
 * for the local API, signed with `.wfc/dev-secret` (created on first use).
 */
import { loadDevSecret } from '../../serve/dev-secret.ts';
import { signDevToken } from '../../serve/dev-token.ts';
import { parseCommandArgs } from '../args.ts';
import { type Command, UsageError } from '../io.ts';

export const run: Command = async (argv, io) => {
  const { values } = parseCommandArgs(argv, {
    district: { type: 'string', short: 'd' },
    role: { type: 'string', default: 'caseworker' },
    sub: { type: 'string' },
    email: { type: 'string' },
    expires: { type: 'string', default: '8h' },
  });
  const district = values.district;
  if (typeof district !== 'string' || !/^\d{5}$/.test(district)) {
    throw new UsageError('--district must be a 5-digit district code, e.g. --district 11680');
  }
  const role = values.role;
  if (role !== 'caseworker' && role !== 'supervisor')
    throw new UsageError('--role must be caseworker or supervisor');
  const expires = String(values.expires);
  if (!/^\d+\s*(s|sec|secs|m|min|mins|h|hr|hrs|hour|hours|d|day|days)$/.test(expires)) {
    throw new UsageError('--expires must be a duration such as 30m, 8h or 2d');
  }
  const token = await signDevToken(
    {
      district,
      role,
      ...(typeof values.sub === 'string' ? { sub: values.sub } : {}),
      ...(typeof values.email === 'string' ? { email: values.email } : {}),
      expires,
    },
    loadDevSecret(io.cwd),
  );
  io.stdout(`${token}\n`);
  return 0;
};
