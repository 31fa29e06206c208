/**
 * OpenAPI 3.1 description of the caseworker API (contract 3.6), served at `/openapi.json`. A unit test checks
 * that its operations are exactly the router's routes.
 */
import { CALL_OUTCOMES, CASE_RESULTS, PROGRESS, REVIEW_STATES } from '../domain/case-record.ts';
import { CRISIS_TYPES, FOLLOW_UPS, URGENCIES } from '../domain/consultation-summary.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref('Error') } },
});
const json = (schema: object, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});
const pathParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const queryEnum = (name: string, values: readonly string[]) => ({
  name,
  in: 'query',
  required: false,
  schema: { type: 'string', enum: [...values] },
});
const countsOf = (keys: readonly string[]) => ({
  type: 'object',
  properties: Object.fromEntries(keys.map((key) => [key, { type: 'integer' }])),
});

/** The OpenAPI document. */
export function openApiDocument() {
  const secured = [{ cognito: [] }];
  return {
    openapi: '3.1.0',
    info: {
      title: 'welfare-first-call caseworker API',
      version: '1.0.0',
      description:
        'Queue and case review for district caseworkers. Another district’s case answers 404. List items mask PII.',
    },
    components: {
      securitySchemes: {
        cognito: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT (Cognito ID token with custom:district)',
        },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' } },
            },
          },
        },
        CaseListItem: {
          type: 'object',
          properties: {
            caseId: { type: 'string' },
            batchId: { type: 'string' },
            householdId: { type: 'string' },
            districtCode: { type: 'string' },
            name: { type: 'string', description: 'masked, e.g. 김*수' },
            phone: { type: 'string', description: 'masked, e.g. 010-****-5678' },
            result: { type: ['string', 'null'], enum: [...CASE_RESULTS, null] },
            review: { type: ['string', 'null'], enum: [...REVIEW_STATES, null] },
            urgency: { type: 'string', enum: [...URGENCIES] },
            crisisTypes: { type: 'array', items: { type: 'string', enum: [...CRISIS_TYPES] } },
            followUp: { type: ['string', 'null'], enum: [...FOLLOW_UPS, null] },
            assignee: { type: ['string', 'null'] },
            doneAt: { type: ['string', 'null'], format: 'date-time' },
            updatedAt: { type: 'string', format: 'date-time' },
          },
        },
        CasePage: {
          type: 'object',
          required: ['items', 'cursor'],
          properties: {
            items: { type: 'array', items: ref('CaseListItem') },
            cursor: { type: ['string', 'null'] },
          },
        },
        Attempt: {
          type: 'object',
          properties: {
            at: { type: 'string', format: 'date-time' },
            outcome: { type: 'string', enum: [...CALL_OUTCOMES] },
            durationSec: { type: 'number' },
            contactId: { type: 'string' },
          },
        },
        Note: {
          type: 'object',
          properties: { at: { type: 'string' }, by: { type: 'string' }, text: { type: 'string' } },
        },
        CaseDetail: {
          type: 'object',
          description: 'Full case (unmasked); every read is written to the access log.',
          properties: {
            caseId: { type: 'string' },
            batchId: { type: 'string' },
            householdId: { type: 'string' },
            districtCode: { type: 'string' },
            name: { type: 'string' },
            phone: { type: 'string' },
            dong: { type: 'string' },
            riskFlags: { type: 'array', items: { type: 'string' } },
            progress: { type: 'string', enum: [...PROGRESS] },
            result: { type: 'string', enum: [...CASE_RESULTS] },
            review: { type: 'string', enum: [...REVIEW_STATES] },
            urgency: { type: ['string', 'null'] },
            attempts: { type: 'array', items: ref('Attempt') },
            summary: { type: ['object', 'null'], description: 'Consultation summary (DESIGN §3.3)' },
            transcript: { type: ['object', 'null'], description: 'Transcript (DESIGN §3.2)' },
            notes: { type: 'array', items: ref('Note') },
            assignee: { type: 'string' },
          },
        },
        ReviewState: {
          type: 'object',
          properties: {
            caseId: { type: 'string' },
            review: { type: 'string', enum: [...REVIEW_STATES] },
            assignee: { type: ['string', 'null'] },
            notes: { type: 'array', items: ref('Note') },
            updatedAt: { type: 'string' },
          },
        },
        BatchProgress: {
          type: 'object',
          properties: {
            batchId: { type: 'string' },
            total: { type: 'integer' },
            progress: countsOf(PROGRESS),
            result: countsOf(CASE_RESULTS),
            review: countsOf(REVIEW_STATES),
          },
        },
      },
    },
    paths: {
      '/cases': {
        get: {
          operationId: 'listCases',
          summary:
            'The caller’s queue: most urgent first (UNREACHABLE ranks as HIGH), oldest first within a level',
          security: secured,
          parameters: [
            queryEnum('review', REVIEW_STATES),
            queryEnum('result', CASE_RESULTS),
            queryEnum('urgency', URGENCIES),
            {
              name: 'limit',
              in: 'query',
              schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
            },
            {
              name: 'cursor',
              in: 'query',
              schema: { type: 'string' },
              description: 'opaque; from the last page',
            },
            {
              name: 'district',
              in: 'query',
              schema: { type: 'string', pattern: '^\\d{5}$' },
              description: 'supervisors: one of their districts',
            },
          ],
          responses: {
            '200': json(ref('CasePage')),
            '400': error('Bad filter, limit or cursor'),
            '401': error('No valid token'),
            '403': error('Not a caseworker or supervisor, or not one of the caller’s districts'),
          },
        },
      },
      '/cases/{caseId}': {
        parameters: [pathParam('caseId')],
        get: {
          operationId: 'getCase',
          summary: 'Full case: household, attempts, summary, transcript (access-logged)',
          security: secured,
          responses: {
            '200': json(ref('CaseDetail')),
            '401': error('No valid token'),
            '404': error('No such case in the caller’s districts'),
          },
        },
        patch: {
          operationId: 'updateCase',
          summary: 'Advance the review one step (NEW → ASSIGNED → IN_PROGRESS → CLOSED) and/or add a note',
          security: secured,
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  properties: {
                    review: { type: 'string', enum: [...REVIEW_STATES] },
                    note: { type: 'string', minLength: 1, maxLength: 2000 },
                  },
                },
              },
            },
          },
          responses: {
            '200': json(ref('ReviewState')),
            '400': error('Invalid body'),
            '401': error('No valid token'),
            '404': error('No such case in the caller’s districts'),
            '409': error('Not the next review state, or assigned to someone else'),
          },
        },
      },
      '/cases/{caseId}/claim': {
        parameters: [pathParam('caseId')],
        post: {
          operationId: 'claimCase',
          summary: 'Assign the case to the caller',
          security: secured,
          responses: {
            '200': json(ref('ReviewState')),
            '401': error('No valid token'),
            '404': error('No such case in the caller’s districts'),
            '409': error('Claimed by someone else'),
          },
        },
      },
      '/batches/{batchId}': {
        parameters: [pathParam('batchId')],
        get: {
          operationId: 'getBatch',
          summary: 'Progress of one uploaded list over the caller’s districts',
          security: secured,
          responses: {
            '200': json(ref('BatchProgress')),
            '401': error('No valid token'),
            '404': error('No case of this batch in the caller’s districts'),
          },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'getOpenApi',
          summary: 'This document',
          security: [],
          responses: { '200': json({ type: 'object' }) },
        },
      },
    },
  };
}
