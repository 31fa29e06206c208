/**
 * The ingest workflow's ASL file and its `${Substitutions}`, shared by CDK and any local runner (load it with
 * `loadDefinition` from ./definitions.ts, which throws on a missing substitution).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const INGEST_WORKFLOW_FILE = join(dirname(fileURLToPath(import.meta.url)), 'ingest.asl.json');

/** Substitutions of ingest.asl.json: each names the resource it must resolve to. */
export const INGEST_SUBSTITUTIONS = {
  ValidateListFunctionArn: 'validate-list Lambda ARN',
  HouseholdStateMachineArn: 'household workflow state machine ARN (StartExecution per accepted row)',
} as const;

export type IngestSubstitutions = Record<keyof typeof INGEST_SUBSTITUTIONS, string>;
