/**
 * Opaque, tamper-proof pagination cursors: `base64url(JSON payload).base64url(HMAC-SHA256)`. The payload is bound
 * to the query it continues (`scope`: caller's districts and filters), so a cursor cannot be replayed against
 * another query or another district. Any forged, truncated or foreign cursor is rejected.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export class InvalidCursorError extends Error {
  constructor() {
    super('The cursor is malformed, forged or belongs to another query');
    this.name = 'InvalidCursorError';
  }
}

interface CursorPayload {
  v: 1;
  /** Last queue key returned. */
  k: string;
  /** Query scope the cursor belongs to. */
  s: string;
}

function sign(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

/** Encodes the position after `lastKey` for the query identified by `scope`. */
export function encodeCursor(lastKey: string, scope: string, secret: string): string {
  const body = Buffer.from(JSON.stringify({ v: 1, k: lastKey, s: scope } satisfies CursorPayload)).toString(
    'base64url',
  );
  return `${body}.${sign(body, secret)}`;
}

/** Verifies `cursor` for `scope` and returns the last queue key it carries; throws `InvalidCursorError`. */
export function decodeCursor(cursor: string, scope: string, secret: string): string {
  const parts = cursor.split('.');
  if (parts.length !== 2 || cursor.length > 2048) throw new InvalidCursorError();
  const [body, mac] = parts as [string, string];
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new InvalidCursorError();
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  const p = payload as Partial<CursorPayload> | null;
  if (p?.v !== 1 || typeof p.k !== 'string' || p.s !== scope) throw new InvalidCursorError();
  return p.k;
}
