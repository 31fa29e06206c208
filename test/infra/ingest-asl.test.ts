import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { placeholdersIn } from '../../statemachines/definitions.ts';
import { INGEST_SUBSTITUTIONS, INGEST_WORKFLOW_FILE } from '../../statemachines/ingest-definition.ts';

const text = readFileSync(INGEST_WORKFLOW_FILE, 'utf8');
const asl = JSON.parse(text);
const map = asl.States['Start Households'];
const inner = map.ItemProcessor.States['Start Batch Households'];
const start = inner.ItemProcessor.States['Start Household'];

describe('Workflow: ingest.asl.json', () => {
  it('uses JSONPath only and declares exactly its substitutions', () => {
    expect(text).not.toMatch(/JSONata|"Assign"|"Arguments"/);
    expect(placeholdersIn(text)).toEqual(Object.keys(INGEST_SUBSTITUTIONS).sort());
  });

  it('reads the accepted rows with a Distributed Map in batches, with bounded concurrency', () => {
    expect(map.ItemProcessor.ProcessorConfig).toEqual({ Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' });
    expect(map.ItemReader).toMatchObject({
      Resource: 'arn:aws:states:::s3:getObject',
      ReaderConfig: { InputType: 'JSONL' },
      Parameters: { 'Key.$': '$.intake.acceptedKey' },
    });
    expect(map.ItemBatcher.MaxItemsPerBatch).toBe(100);
    expect(map.MaxConcurrency * inner.MaxConcurrency).toBeLessThanOrEqual(10);
    expect(map.ResultWriter.Resource).toBe('arn:aws:states:::s3:putObject');
  });

  it('starts one household execution named by its case id with the contract input', () => {
    expect(start.Resource).toBe('arn:aws:states:::states:startExecution');
    expect(start.Parameters).toEqual({
      // biome-ignore lint/suspicious/noTemplateCurlyInString: an ASL substitution placeholder, not a template
      StateMachineArn: '${HouseholdStateMachineArn}',
      'Name.$': '$.row.caseId',
      Input: {
        'batchId.$': '$.batchId',
        'caseId.$': '$.row.caseId',
        'household.$': '$.row.household',
        'position.$': '$.row.position',
      },
    });
  });

  it('treats ExecutionAlreadyExists as success, never retrying it', () => {
    expect(start.Retry[0]).toEqual({
      ErrorEquals: expect.arrayContaining(['StepFunctions.ExecutionAlreadyExistsException']),
      MaxAttempts: 0,
    });
    expect(start.Catch[0]).toMatchObject({
      ErrorEquals: expect.arrayContaining(['StepFunctions.ExecutionAlreadyExistsException']),
      Next: 'Already Started',
    });
    expect(inner.ItemProcessor.States['Already Started'].Type).toBe('Succeed');
  });

  it('ends an unreadable list in a failed execution and an all-rejected list in success', () => {
    const choice = asl.States['Is List Readable?'];
    expect(choice.Choices[0]).toEqual({
      Variable: '$.intake.unreadable',
      IsPresent: true,
      Next: 'List Unreadable',
    });
    expect(asl.States['List Unreadable'].Type).toBe('Fail');
    expect(choice.Default).toBe('Nothing To Call');
  });
});
