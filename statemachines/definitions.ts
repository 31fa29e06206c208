/**
 * The one place that knows where each workflow's ASL file is and which `${Substitutions}` it takes. CDK and the
 * local runtime both load definitions through here, so the deployed and the local workflow are the same file.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export const HOUSEHOLD_WORKFLOW_FILE = join(here, 'household.asl.json');

/** Substitutions of household.asl.json: each names the resource it must resolve to. */
export const HOUSEHOLD_SUBSTITUTIONS = {
  ReserveCaseFunctionArn: 'reserve-case Lambda ARN',
  PlanCallFunctionArn: 'plan-call Lambda ARN',
  AcquireCallSlotFunctionArn: 'acquire-call-slot Lambda ARN',
  ReleaseCallSlotFunctionArn: 'release-call-slot Lambda ARN',
  StartCallFunctionArn: 'start-call Lambda ARN (invoked with .waitForTaskToken)',
  RecordCallAttemptFunctionArn: 'record-call-attempt Lambda ARN',
  SummarizeConsultationFunctionArn: 'summarize-consultation Lambda ARN',
  RecordConsultationFunctionArn: 'record-consultation Lambda ARN',
  FinishCaseFunctionArn: 'finish-case Lambda ARN',
  CasesTableName: 'Cases table name (direct DynamoDB integration)',
  AlertTopicArn:
    'emergency alert SNS topic ARN (message attribute districtCode for per-district subscriptions)',
} as const;

export type HouseholdSubstitutions = Record<keyof typeof HOUSEHOLD_SUBSTITUTIONS, string>;

/** The Lambda steps of `household.asl.json`: substitution → function folder under `functions/`. */
export const HOUSEHOLD_STEP_FUNCTIONS = {
  ReserveCaseFunctionArn: 'reserve-case',
  PlanCallFunctionArn: 'plan-call',
  AcquireCallSlotFunctionArn: 'acquire-call-slot',
  ReleaseCallSlotFunctionArn: 'release-call-slot',
  StartCallFunctionArn: 'start-call',
  RecordCallAttemptFunctionArn: 'record-call-attempt',
  SummarizeConsultationFunctionArn: 'summarize-consultation',
  RecordConsultationFunctionArn: 'record-consultation',
  FinishCaseFunctionArn: 'finish-case',
} as const satisfies Partial<Record<keyof HouseholdSubstitutions, string>>;

/** Returns the names of every `${Name}` placeholder in an ASL text. */
export function placeholdersIn(aslText: string): string[] {
  return [...new Set([...aslText.matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1] as string))].sort();
}

/**
 * Reads an ASL file and replaces every `${Name}`; throws when a placeholder has no value, so a missing
 * substitution fails at synth or start-up rather than at run time.
 */
export function loadDefinition(file: string, substitutions: Record<string, string>): string {
  const text = readFileSync(file, 'utf8');
  const missing = placeholdersIn(text).filter((name) => substitutions[name] === undefined);
  if (missing.length > 0) throw new Error(`${file}: no value for substitution(s) ${missing.join(', ')}`);
  return text.replace(/\$\{([A-Za-z0-9_]+)\}/g, (_, name: string) => substitutions[name] as string);
}
