import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDevToken } from '../../local/serve/dev-token.ts';
import { type RunningServer, startServer } from '../../local/serve/server.ts';
import { buildCase, seedCases } from '../fixtures/cases/builders.ts';
import { useFreshLocalTables } from '../support/local-tables.ts';
import { localClient } from '../unit/caseworker-api/harness.ts';

/**
 * Authorization matrix: every route × case district (own, overseen by the supervisor, other) × caller
 * (caseworker, supervisor, no token, expired token, wrong signature, no district claim).
 */
const SECRET = new TextEncoder().encode('authz-dev-secret-0123456789abcdef012345');
const OWN = '11680';
const OVERSEEN = '11650';
const OTHER = '26110';

type Caller = 'caseworker' | 'supervisor' | 'none' | 'expired' | 'forged' | 'no-district';
type Where = 'own' | 'overseen' | 'other';
type Route = 'list' | 'get' | 'claim' | 'patch' | 'batch' | 'openapi';

const CALLERS: Caller[] = ['caseworker', 'supervisor', 'none', 'expired', 'forged', 'no-district'];
const WHERE: Where[] = ['own', 'overseen', 'other'];
const ROUTES: Route[] = ['list', 'get', 'claim', 'patch', 'batch', 'openapi'];
const DISTRICT: Record<Where, string> = { own: OWN, overseen: OVERSEEN, other: OTHER };

function expected(route: Route, where: Where, caller: Caller): number {
  if (route === 'openapi') return 200;
  if (caller !== 'caseworker' && caller !== 'supervisor') return 401;
  const visible = where === 'own' || (where === 'overseen' && caller === 'supervisor');
  if (route === 'list') return visible ? 200 : 403; // ?district= outside the caller's districts
  return visible ? 200 : 404;
}

describe('Authorization matrix: caseworker API over HTTP', () => {
  let server: RunningServer;
  const tokens: Partial<Record<Caller, string>> = {};

  beforeAll(async () => {
    const { endpoint, tables } = await useFreshLocalTables();
    const cases = [];
    for (const where of WHERE) {
      for (const caller of CALLERS) {
        for (const route of ['get', 'claim', 'patch']) {
          cases.push(
            buildCase({
              caseId: `m-${where}-${caller}-${route}`,
              districtCode: DISTRICT[where],
              batchId: `b-${where}`,
            }),
          );
        }
      }
    }
    await seedCases(localClient(endpoint), tables.CASES_TABLE_NAME!, cases);
    server = await startServer({
      port: 0,
      endpoint,
      tables,
      devSecret: SECRET,
      supervisorDistricts: { [OWN]: [OWN, OVERSEEN] },
    });
    tokens.caseworker = await signDevToken({ district: OWN }, SECRET);
    tokens.supervisor = await signDevToken({ district: OWN, role: 'supervisor' }, SECRET);
    const hourAgo = Math.floor(Date.now() / 1000) - 3600;
    tokens.expired = await signDevToken({ district: OWN, issuedAt: hourAgo - 60, expires: hourAgo }, SECRET);
    tokens.forged = await signDevToken(
      { district: OWN },
      new TextEncoder().encode('not-the-dev-secret-at-all-000000000'),
    );
    tokens['no-district'] = await new SignJWT({ 'cognito:groups': ['caseworker'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('nobody')
      .setIssuer('wfc-local')
      .setAudience('wfc-console')
      .setExpirationTime('1h')
      .sign(SECRET);
  });

  afterAll(async () => {
    await server?.close();
  });

  const cells = ROUTES.flatMap((route) =>
    WHERE.flatMap((where) =>
      CALLERS.map((caller) => ({ route, where, caller, status: expected(route, where, caller) })),
    ),
  );

  it.each(cells)('$route × $where district × $caller → $status', async ({ route, where, caller, status }) => {
    // Prepare
    const caseId = `m-${where}-${caller}-${route}`;
    const request: Record<Route, [string, string, unknown?]> = {
      list: ['GET', `/cases?district=${DISTRICT[where]}`],
      get: ['GET', `/cases/${caseId}`],
      claim: ['POST', `/cases/${caseId}/claim`],
      patch: ['PATCH', `/cases/${caseId}`, { note: '권한 점검용 메모입니더' }],
      batch: ['GET', `/batches/b-${where}`],
      openapi: ['GET', '/openapi.json'],
    };
    const [method, path, body] = request[route];
    const token = tokens[caller];

    // Act
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = await response.json();

    // Assess
    expect(response.status).toBe(status);
    if (status >= 400) {
      expect(Object.keys(json)).toEqual(['error']);
      expect(typeof json.error.code).toBe('string');
      expect(JSON.stringify(json)).not.toMatch(/\n\s+at /);
    }
    if (route === 'list' && status === 200) {
      expect(
        json.items.every((item: { districtCode: string }) => item.districtCode === DISTRICT[where]),
      ).toBe(true);
    }
  });
});
