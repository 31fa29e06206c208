import { describe, expect, it } from 'vitest';
import { parseSupervisorDistricts } from '../../../functions/caseworker-api/config.ts';
import { callerFromClaims, parseGroups } from '../../../functions/caseworker-api/identity.ts';
import { openApiDocument } from '../../../functions/caseworker-api/openapi.ts';
import { ListCasesQuery, matchRoute, ROUTES } from '../../../functions/caseworker-api/routes.ts';
import { mergeQueuePages, queueKeyBounds, queueKeyFor } from '../../../functions/domain/case-queue.ts';
import { decodeCursor, encodeCursor, InvalidCursorError } from '../../../functions/domain/cursor.ts';
import {
  checkClaim,
  checkReviewTransition,
  nextReview,
  ReviewConflictError,
} from '../../../functions/domain/review.ts';

describe('Function: encodeCursor / decodeCursor', () => {
  const secret = 'a-secret-of-enough-length';

  it('round-trips the last key for the same scope', () => {
    // Act
    const cursor = encodeCursor('1#2025-03-03T00:01:00.000Z#case-1', 'scope-a', secret);

    // Assess
    expect(decodeCursor(cursor, 'scope-a', secret)).toBe('1#2025-03-03T00:01:00.000Z#case-1');
    expect(cursor).not.toContain('case-1');
  });

  it('rejects another scope, another secret, a flipped character and garbage', () => {
    // Prepare
    const cursor = encodeCursor('1#x#case-1', 'scope-a', secret);
    const flipped = `${cursor.slice(0, 3)}${cursor[3] === 'A' ? 'B' : 'A'}${cursor.slice(4)}`;

    // Act + Assess
    expect(() => decodeCursor(cursor, 'scope-b', secret)).toThrow(InvalidCursorError);
    expect(() => decodeCursor(cursor, 'scope-a', 'another-secret-entirely')).toThrow(InvalidCursorError);
    expect(() => decodeCursor(flipped, 'scope-a', secret)).toThrow(InvalidCursorError);
    expect(() => decodeCursor('%%%', 'scope-a', secret)).toThrow(InvalidCursorError);
    expect(() => decodeCursor('a.b.c', 'scope-a', secret)).toThrow(InvalidCursorError);
  });
});

describe('Function: review transitions', () => {
  const me = { id: 'kim', supervisor: false };

  it('allows only the next state, one step at a time', () => {
    // Assess
    expect(nextReview('NEW')).toBe('ASSIGNED');
    expect(nextReview('CLOSED')).toBeUndefined();
    expect(checkReviewTransition({ progress: 'DONE', review: 'NEW' }, 'ASSIGNED', me)).toBe('kim');
    expect(() => checkReviewTransition({ progress: 'DONE', review: 'NEW' }, 'IN_PROGRESS', me)).toThrow(
      ReviewConflictError,
    );
    expect(() =>
      checkReviewTransition({ progress: 'DONE', review: 'IN_PROGRESS', assignee: 'kim' }, 'ASSIGNED', me),
    ).toThrow(/only to CLOSED/);
  });

  it('lets a supervisor advance someone else’s case but not a caseworker', () => {
    // Prepare
    const subject = { progress: 'DONE', review: 'ASSIGNED' as const, assignee: 'lee' };

    // Act + Assess
    expect(() => checkReviewTransition(subject, 'IN_PROGRESS', me)).toThrow(/another caseworker/);
    expect(checkReviewTransition(subject, 'IN_PROGRESS', { id: 'park', supervisor: true })).toBe('lee');
  });

  it('claims unassigned cases, repeats for the holder, refuses others and unfinished cases', () => {
    // Assess
    expect(checkClaim({ progress: 'DONE', review: 'NEW' }, me)).toBe(true);
    expect(checkClaim({ progress: 'DONE', review: 'ASSIGNED', assignee: 'kim' }, me)).toBe(false);
    expect(() => checkClaim({ progress: 'DONE', review: 'ASSIGNED', assignee: 'lee' }, me)).toThrow(
      ReviewConflictError,
    );
    expect(() => checkClaim({ progress: 'CALLING' }, me)).toThrow(/not finished/);
  });
});

describe('Function: queue helpers', () => {
  it('bounds one urgency level so that every key of it and no other falls inside', () => {
    // Prepare
    const high = queueKeyFor('HIGH', '2025-03-03T00:00:00.000Z', 'case-9');
    const emergency = queueKeyFor('EMERGENCY', '2099-01-01T00:00:00.000Z', 'case-1');
    const medium = queueKeyFor('MEDIUM', '2000-01-01T00:00:00.000Z', 'case-1');
    const { from, to } = queueKeyBounds('HIGH');

    // Assess
    expect(high >= from && high <= to).toBe(true);
    expect(emergency >= from && emergency <= to).toBe(false);
    expect(medium >= from && medium <= to).toBe(false);
  });

  it('merges district pages in key order and says whether more remain', () => {
    // Act
    const merged = mergeQueuePages([[{ queueKey: '0#a' }, { queueKey: '2#b' }], [{ queueKey: '1#c' }]], 2);

    // Assess
    expect(merged.items.map((row) => row.queueKey)).toEqual(['0#a', '1#c']);
    expect(merged.more).toBe(true);
  });
});

describe('Function: callerFromClaims', () => {
  it('reads REST authorizer claims, with groups as a string, and widens a supervisor’s districts', () => {
    // Act
    const supervisor = callerFromClaims(
      {
        sub: 's-1',
        'custom:district': '11680',
        'cognito:groups': 'caseworker,supervisor',
        email: 'boss@gangnam.go.kr',
      },
      { '11680': ['11650'] },
    );
    const caseworker = callerFromClaims(
      { sub: 'c-1', 'custom:district': '11680', 'cognito:groups': '[caseworker]' },
      { '11680': ['11650'] },
    );

    // Assess
    expect(supervisor).toEqual({
      id: 's-1',
      name: 'boss@gangnam.go.kr',
      district: '11680',
      role: 'supervisor',
      districts: ['11650', '11680'],
    });
    expect(caseworker.districts).toEqual(['11680']);
    expect(parseGroups('[a b]')).toEqual(['a', 'b']);
  });

  it('answers 401 without a district and 403 without a known group', () => {
    // Assess
    expect(() => callerFromClaims({ sub: 'x', 'cognito:groups': 'caseworker' }, {})).toThrow(
      expect.objectContaining({ statusCode: 401 }),
    );
    expect(() =>
      callerFromClaims({ sub: 'x', 'custom:district': '11680', 'cognito:groups': 'admin' }, {}),
    ).toThrow(expect.objectContaining({ statusCode: 403 }));
  });

  it('parses SUPERVISOR_DISTRICTS and refuses anything else', () => {
    // Assess
    expect(parseSupervisorDistricts('{"11680":["11680","11650"]}')).toEqual({ '11680': ['11680', '11650'] });
    expect(parseSupervisorDistricts(undefined)).toEqual({});
    expect(() => parseSupervisorDistricts('{"강남":["11650"]}')).toThrow(/5-digit/);
    expect(() => parseSupervisorDistricts('not json')).toThrow(/JSON/);
  });
});

describe('Function: openApiDocument', () => {
  const doc = openApiDocument();
  const METHODS = ['get', 'post', 'patch', 'put', 'delete'];

  it('is OpenAPI 3.1 and documents exactly the router’s routes', () => {
    // Act
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => METHODS.includes(key))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    const routed = ROUTES.map((route) => `${route.method} ${route.path}`);

    // Assess
    expect(doc.openapi).toBe('3.1.0');
    expect(documented.sort()).toEqual(routed.sort());
  });

  it('gives each operation the router’s operationId, and the list query parameters of the schema', () => {
    // Prepare
    const paths = doc.paths as Record<
      string,
      Record<string, { operationId?: string; parameters?: { name: string }[] }>
    >;

    // Assess
    for (const route of ROUTES) {
      expect(paths[route.path]?.[route.method.toLowerCase()]?.operationId).toBe(route.operationId);
      expect(matchRoute(route.method, route.path.replace(/\{[^}]+\}/g, 'x1')).kind).toBe('match');
    }
    const listParams = paths['/cases']!.get!.parameters!.map((p) => p.name).sort();
    expect(listParams).toEqual(Object.keys(ListCasesQuery.shape).sort());
  });

  it('declares every $ref it uses', () => {
    // Act
    const refs = [...JSON.stringify(doc).matchAll(/"#\/components\/schemas\/([A-Za-z]+)"/g)].map(
      (m) => m[1]!,
    );

    // Assess
    for (const name of refs) expect(Object.keys(doc.components.schemas)).toContain(name);
  });
});
