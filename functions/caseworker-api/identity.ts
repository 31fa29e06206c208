/**
 * Who is calling, from the claims the API Gateway Cognito user pool authorizer puts in
 * `requestContext.authorizer.claims` (REST API: every value is a string; `cognito:groups` is a comma-separated
 * string such as `caseworker,supervisor`, or `[a b]` from other authorizers — both are accepted).
 */
import { forbidden, unauthorized } from './errors.ts';

export type Role = 'caseworker' | 'supervisor';

export interface Caller {
  /** Stable id (`sub`): stored as assignee. */
  id: string;
  /** For notes and the access log: email, else username, else sub. */
  name: string;
  /** The caller's own district (`custom:district`). */
  district: string;
  role: Role;
  /** Every district the caller may see: their own, plus the overseen ones for a supervisor. */
  districts: string[];
}

/** Supervisor's own district → the districts they oversee (env `SUPERVISOR_DISTRICTS`). */
export type SupervisorDistricts = Record<string, string[]>;

const DISTRICT = /^\d{5}$/;

/** Splits the `cognito:groups` claim in any of the shapes authorizers give it. */
export function parseGroups(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  return value
    .replace(/^\[|\]$/g, '')
    .split(/[,\s]+/)
    .map((group) => group.trim())
    .filter(Boolean);
}

/**
 * Builds the caller from authorizer claims. No claims, no `sub` or no valid district → 401; a user in neither
 * the `caseworker` nor the `supervisor` group → 403.
 */
export function callerFromClaims(
  claims: Record<string, unknown> | null | undefined,
  supervisorDistricts: SupervisorDistricts,
): Caller {
  if (!claims) throw unauthorized();
  const sub = typeof claims.sub === 'string' ? claims.sub : '';
  const district = typeof claims['custom:district'] === 'string' ? claims['custom:district'] : '';
  if (!sub) throw unauthorized('The token has no subject');
  if (!DISTRICT.test(district)) throw unauthorized('The token has no valid district claim');
  const groups = parseGroups(claims['cognito:groups']);
  const role: Role | undefined = groups.includes('supervisor')
    ? 'supervisor'
    : groups.includes('caseworker')
      ? 'caseworker'
      : undefined;
  if (!role) throw forbidden('The user is neither a caseworker nor a supervisor');
  const overseen = role === 'supervisor' ? (supervisorDistricts[district] ?? []) : [];
  const name = [claims.email, claims['cognito:username'], sub].find(
    (value): value is string => typeof value === 'string' && value !== '',
  )!;
  return { id: sub, name, district, role, districts: [...new Set([district, ...overseen])].sort() };
}
