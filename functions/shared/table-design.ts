/**
 * Key design of every DynamoDB table, in one place: the CDK constructs and the local runtime both build their
 * tables from these descriptions, so the deployed and the local schema cannot drift apart.
 */
export interface TableDesign {
  /** Logical name; also the local table name. */
  name: string;
  /** Environment variable that carries the physical table name to Lambdas. */
  envVar: string;
  partitionKey: { name: string; type: 'S' | 'N' };
  sortKey?: { name: string; type: 'S' | 'N' };
  /** Attribute holding the epoch-seconds expiry of PII (retention). */
  ttlAttribute?: string;
  indexes: {
    name: string;
    partitionKey: { name: string; type: 'S' | 'N' };
    sortKey?: { name: string; type: 'S' | 'N' };
  }[];
}

/**
 * Cases: one item per (batch, household). `districtQueue` is sparse: only finished cases carry `queueKey`
 * = `<urgency rank>#<doneAt ISO>#<caseId>`, so a Query on it is the caseworker queue in contract order.
 */
export const CASES_TABLE: TableDesign = {
  name: 'Cases',
  envVar: 'CASES_TABLE_NAME',
  partitionKey: { name: 'caseId', type: 'S' },
  ttlAttribute: 'expiresAt',
  indexes: [
    {
      name: 'districtQueue',
      partitionKey: { name: 'districtCode', type: 'S' },
      sortKey: { name: 'queueKey', type: 'S' },
    },
    {
      name: 'batchCases',
      partitionKey: { name: 'batchId', type: 'S' },
      sortKey: { name: 'householdId', type: 'S' },
    },
  ],
};

/**
 * Control: small coordination items keyed by `pk`:
 * - `SLOTS#<pool>`: the call-slot semaphore (`inUse` count, `holders` map of execution → acquiredAt);
 * - `ACTIVE#<district>#<householdId>`: the case currently open for a household (one at a time);
 * - `OPTOUT#<district>#<householdId>`: the resident asked never to be called again;
 * - `BATCH#<batchId>`: an uploaded list's intake report.
 */
export const CONTROL_TABLE: TableDesign = {
  name: 'Control',
  envVar: 'CONTROL_TABLE_NAME',
  partitionKey: { name: 'pk', type: 'S' },
  ttlAttribute: 'expiresAt',
  indexes: [],
};

/** Transcripts: one item per turn, written as the call goes (so an emergency is visible mid-call). */
export const TRANSCRIPTS_TABLE: TableDesign = {
  name: 'Transcripts',
  envVar: 'TRANSCRIPTS_TABLE_NAME',
  partitionKey: { name: 'contactId', type: 'S' },
  sortKey: { name: 'seq', type: 'N' },
  ttlAttribute: 'expiresAt',
  indexes: [],
};

/** AccessLog: who read which full case, when (contract 3.6). */
export const ACCESS_LOG_TABLE: TableDesign = {
  name: 'AccessLog',
  envVar: 'ACCESS_LOG_TABLE_NAME',
  partitionKey: { name: 'caseId', type: 'S' },
  sortKey: { name: 'readAt', type: 'S' },
  ttlAttribute: 'expiresAt',
  indexes: [],
};

export const ALL_TABLES = [CASES_TABLE, CONTROL_TABLE, TRANSCRIPTS_TABLE, ACCESS_LOG_TABLE] as const;
