/**
 * Configuration of the caseworker API, read once from the environment:
 * - `CASES_TABLE_NAME`, `TRANSCRIPTS_TABLE_NAME`, `ACCESS_LOG_TABLE_NAME`: tables (functions/shared/table-design.ts);
 * - `CURSOR_SECRET`: HMAC key of pagination cursors (≥ 16 characters; rotate to invalidate every cursor);
 * - `SUPERVISOR_DISTRICTS` (optional): JSON mapping a supervisor's own district to the districts they oversee,
 *   e.g. `{"11680":["11680","11650"]}`; a supervisor whose district is absent sees only their own;
 * - `ACCESS_LOG_RETENTION_DAYS` (optional, default 1825): how long access-log entries are kept (TTL).
 */
import { z } from 'zod';
import { intEnv, optionalEnv, requireEnv } from '../shared/env.ts';
import { ACCESS_LOG_TABLE, CASES_TABLE, TRANSCRIPTS_TABLE } from '../shared/table-design.ts';
import type { SupervisorDistricts } from './identity.ts';

export interface ApiConfig {
  casesTable: string;
  transcriptsTable: string;
  accessLogTable: string;
  cursorSecret: string;
  supervisorDistricts: SupervisorDistricts;
  accessLogRetentionDays: number;
}

const District = z.string().regex(/^\d{5}$/);
const SupervisorDistrictsSchema = z.record(District, z.array(District));

/** Parses `SUPERVISOR_DISTRICTS`; throws a clear error on anything but a district → districts map. */
export function parseSupervisorDistricts(json: string | undefined): SupervisorDistricts {
  if (!json) return {};
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error('SUPERVISOR_DISTRICTS must be JSON, e.g. {"11680":["11680","11650"]}');
  }
  const parsed = SupervisorDistrictsSchema.safeParse(value);
  if (!parsed.success)
    throw new Error('SUPERVISOR_DISTRICTS must map 5-digit district codes to lists of them');
  return parsed.data;
}

/** Reads the configuration from the environment, failing loudly on a missing or weak value. */
export function configFromEnv(): ApiConfig {
  const cursorSecret = requireEnv('CURSOR_SECRET');
  if (cursorSecret.length < 16) throw new Error('CURSOR_SECRET must be at least 16 characters');
  return {
    casesTable: requireEnv(CASES_TABLE.envVar),
    transcriptsTable: requireEnv(TRANSCRIPTS_TABLE.envVar),
    accessLogTable: requireEnv(ACCESS_LOG_TABLE.envVar),
    cursorSecret,
    supervisorDistricts: parseSupervisorDistricts(optionalEnv('SUPERVISOR_DISTRICTS', '')),
    accessLogRetentionDays: intEnv('ACCESS_LOG_RETENTION_DAYS', 1825),
  };
}
