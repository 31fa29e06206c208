/**
 * The routes of the caseworker API (contract 3.6) with the schemas of their inputs. The OpenAPI document, the
 * validation middleware and the local server's API Gateway event builder all read this one table.
 */
import { z } from 'zod';
import { CASE_RESULTS, REVIEW_STATES } from '../domain/case-record.ts';
import { URGENCIES } from '../domain/consultation-summary.ts';

export type Method = 'GET' | 'POST' | 'PATCH';
export type OperationId = 'listCases' | 'getCase' | 'claimCase' | 'updateCase' | 'getBatch' | 'getOpenApi';

export interface RouteDefinition {
  operationId: OperationId;
  method: Method;
  /** API Gateway resource path, e.g. `/cases/{caseId}`. */
  path: string;
  /** False only for the OpenAPI document, which holds no data. */
  authenticated: boolean;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
}

const CaseId = z.string().min(1).max(256);
const District = z.string().regex(/^\d{5}$/);

export const ListCasesQuery = z.strictObject({
  review: z.enum(REVIEW_STATES).optional(),
  result: z.enum(CASE_RESULTS).optional(),
  urgency: z.enum(URGENCIES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).optional(),
  /** Supervisors only: one of their districts instead of all of them. */
  district: District.optional(),
});
export type ListCasesQuery = z.infer<typeof ListCasesQuery>;

export const UpdateCaseBody = z
  .strictObject({
    review: z.enum(REVIEW_STATES).optional(),
    note: z.string().trim().min(1).max(2000).optional(),
  })
  .refine((body) => body.review !== undefined || body.note !== undefined, {
    message: 'Give review, note or both',
  });
export type UpdateCaseBody = z.infer<typeof UpdateCaseBody>;

export const ROUTES: readonly RouteDefinition[] = [
  { operationId: 'listCases', method: 'GET', path: '/cases', authenticated: true, query: ListCasesQuery },
  {
    operationId: 'getCase',
    method: 'GET',
    path: '/cases/{caseId}',
    authenticated: true,
    params: z.object({ caseId: CaseId }),
  },
  {
    operationId: 'claimCase',
    method: 'POST',
    path: '/cases/{caseId}/claim',
    authenticated: true,
    params: z.object({ caseId: CaseId }),
  },
  {
    operationId: 'updateCase',
    method: 'PATCH',
    path: '/cases/{caseId}',
    authenticated: true,
    params: z.object({ caseId: CaseId }),
    body: UpdateCaseBody,
  },
  {
    operationId: 'getBatch',
    method: 'GET',
    path: '/batches/{batchId}',
    authenticated: true,
    params: z.object({ batchId: z.string().min(1).max(256) }),
  },
  { operationId: 'getOpenApi', method: 'GET', path: '/openapi.json', authenticated: false },
];

function segmentsOf(path: string): string[] {
  return path.split('/').filter(Boolean);
}

export type RouteMatch =
  | { kind: 'match'; route: RouteDefinition; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: Method[] }
  | { kind: 'not-found' };

/**
 * Finds the route of `method` + concrete `path` (`/cases/abc`), decoding path parameters as API Gateway does.
 */
export function matchRoute(method: string, path: string): RouteMatch {
  const actual = segmentsOf(path);
  const allowed: Method[] = [];
  for (const route of ROUTES) {
    const template = segmentsOf(route.path);
    if (template.length !== actual.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (const [i, part] of template.entries()) {
      const value = actual[i]!;
      if (part.startsWith('{') && part.endsWith('}')) {
        try {
          params[part.slice(1, -1)] = decodeURIComponent(value);
        } catch {
          ok = false;
        }
      } else if (part !== value) ok = false;
      if (!ok) break;
    }
    if (!ok) continue;
    if (route.method === method.toUpperCase()) return { kind: 'match', route, params };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
}
