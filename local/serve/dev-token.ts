/**
 * Dev JWTs shaped like Cognito ID tokens (`sub`, `cognito:username`, `custom:district`, `cognito:groups`),
 * signed HS256 with the local dev secret, and their verification as the API Gateway Cognito authorizer would do.
 */
import { errors, type JWTPayload, jwtVerify, SignJWT } from 'jose';

export const DEV_ISSUER = 'wfc-local';
export const DEV_AUDIENCE = 'wfc-console';

export type DevRole = 'caseworker' | 'supervisor';

export interface DevTokenOptions {
  district: string;
  role?: DevRole;
  /** @default `<role>-<district>` */
  sub?: string;
  email?: string;
  /** jose time span (`8h`, `30m`) or an absolute epoch-seconds expiry. @default '8h' */
  expires?: string | number;
  /** Issued-at override (epoch seconds), for tests of expired tokens. */
  issuedAt?: number;
}

/** Signs a dev token. */
export async function signDevToken(options: DevTokenOptions, secret: Uint8Array): Promise<string> {
  const role = options.role ?? 'caseworker';
  const sub = options.sub ?? `${role}-${options.district}`;
  const jwt = new SignJWT({
    'cognito:username': sub,
    'custom:district': options.district,
    'cognito:groups': [role],
    token_use: 'id',
    ...(options.email ? { email: options.email } : {}),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setIssuedAt(options.issuedAt)
    .setExpirationTime(options.expires ?? '8h');
  return jwt.sign(secret);
}

export class TokenRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenRejectedError';
  }
}

/**
 * Verifies a bearer token and returns its claims as API Gateway's REST Cognito authorizer passes them: every
 * value a string, `cognito:groups` comma-separated. Expired, badly signed, foreign or district-less tokens are
 * rejected with `TokenRejectedError` (401).
 */
export async function verifyDevToken(token: string, secret: Uint8Array): Promise<Record<string, string>> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, secret, {
      algorithms: ['HS256'],
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new TokenRejectedError('The token has expired');
    throw new TokenRejectedError('The token is not valid');
  }
  const district = payload['custom:district'];
  if (typeof district !== 'string' || !/^\d{5}$/.test(district)) {
    throw new TokenRejectedError('The token has no district');
  }
  if (!payload.sub) throw new TokenRejectedError('The token has no subject');
  const claims: Record<string, string> = {};
  for (const [key, value] of Object.entries(payload)) {
    claims[key] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return claims;
}
