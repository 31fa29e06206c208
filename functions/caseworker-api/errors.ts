/**
 * HTTP errors of the caseworker API. The message carried to `httpErrorHandler()` is already the contract body
 * `{ "error": { "code", "message" } }`, so the middleware (which sends `error.message` as the body) needs no
 * custom formatting and nobody builds 4xx responses by hand.
 */
export class ApiError extends Error {
  readonly expose = true;

  constructor(
    readonly statusCode: 400 | 401 | 403 | 404 | 405 | 409,
    readonly code: string,
    readonly detail: string,
  ) {
    super(JSON.stringify({ error: { code, message: detail } }));
    this.name = 'ApiError';
  }
}

export const badRequest = (code: string, detail: string) => new ApiError(400, code, detail);
export const unauthorized = (detail = 'A valid token is required') =>
  new ApiError(401, 'UNAUTHORIZED', detail);
export const forbidden = (detail: string) => new ApiError(403, 'FORBIDDEN', detail);
/** Also the answer for another district's case, so its existence does not leak (contract 3.6). */
export const notFound = (detail = 'Not found') => new ApiError(404, 'NOT_FOUND', detail);
export const conflict = (code: string, detail: string) => new ApiError(409, code, detail);

/** Body of any unexpected (5xx) error: fixed text, never a stack trace or an internal message. */
export const INTERNAL_ERROR_BODY = JSON.stringify({
  error: { code: 'INTERNAL', message: 'Internal error' },
});
