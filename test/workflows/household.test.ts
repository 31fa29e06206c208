import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Household } from '../../functions/domain/household.ts';
import { loadSamplePersonas } from '../../local/personas.ts';
import type { Persona } from '../../local/phone-network/persona.ts';
import { createLocalRuntime, type LocalRuntime } from '../../local/runtime.ts';
import { useFreshLocalTables } from '../support/local-tables.ts';

// Executes the real household ASL on the local interpreter against the local DynamoDB, one case per path.
const samples = loadSamplePersonas();
const persona = (id: string): Persona => {
  const found = samples.personas.get(id);
  if (!found) throw new Error(`sample persona ${id} missing`);
  return found;
};
const assigned: Record<string, Persona> = {
  'H-ANSWER': persona('no-crisis'),
  'H-RETRY': persona('no-answer-twice-then-answers'),
  'H-UNREACH': { id: 'never', label: '', pickup: ['NO_ANSWER'], conversations: [{ default: null }] },
  'H-EMERG': persona('self-harm-indirect'),
  'H-CALLBACK': persona('callback-then-consult'),
  'H-REFUSE': persona('refusal'),
  'H-WRONG': persona('wrong-number'),
  'H-OPTOUT': persona('opt-out'),
  'H-FAIL': persona('no-crisis'),
};

let runtime: LocalRuntime;

const household = (householdId: string): Household => ({
  householdId,
  name: '김순자',
  phone: `+8210000${String(Object.keys(assigned).indexOf(householdId) + 1).padStart(5, '0')}`,
  phoneKind: 'MOBILE',
  // 99999 is not a configured district: reserve-case fails for good on it.
  districtCode: householdId === 'H-FAIL' ? '99999' : '11680',
  riskFlags: ['단전'],
});

async function runHousehold(householdId: string) {
  const caseId = `case-${householdId}`;
  const result = await runtime.workflow.run(
    { batchId: 'wf-test', caseId, household: household(householdId), position: 0 },
    { recordStates: true },
  );
  const { getCase } = await import('../../functions/shared/case-repository.ts');
  return { result, record: await getCase(caseId) };
}

beforeAll(async () => {
  const { tables } = await useFreshLocalTables();
  runtime = await createLocalRuntime({
    now: new Date('2026-11-25T01:00:00Z'), // Wed 10:00 KST
    seed: 7,
    callSlots: 2,
    tables,
    personaFor: (householdId) => assigned[householdId] ?? persona('no-crisis'),
  });
});

afterAll(() => runtime?.dispose());

describe('Workflow: household.asl.json', () => {
  it('answered first try: one attempt, summarized, consulted', async () => {
    const { result, record } = await runHousehold('H-ANSWER');
    expect(result.status).toBe('SUCCEEDED');
    expect(record.progress).toBe('DONE');
    expect(record.result).toBe('CONSULTED');
    expect(record.attempts.map((a) => a.outcome)).toEqual(['ANSWERED']);
    expect(result.states).toContain('Send Pre-Notice SMS');
    expect(result.states).toContain('Summarize Consultation');
    expect(result.states.at(-1)).toBe('Case Done');
  });

  it('no answer twice then answered: retried at other times, then consulted', async () => {
    const { result, record } = await runHousehold('H-RETRY');
    expect(record.result).toBe('CONSULTED');
    expect(record.attempts.map((a) => a.outcome)).toEqual(['NO_ANSWER', 'NO_ANSWER', 'ANSWERED']);
    expect(result.states.filter((s) => s === 'Wait For Retry')).toHaveLength(2);
  });

  it('unreachable: three unanswered attempts end as UNREACHABLE with the office number by SMS', async () => {
    const { result, record } = await runHousehold('H-UNREACH');
    expect(record.result).toBe('UNREACHABLE');
    expect(record.urgency).toBe('HIGH');
    expect(record.attempts).toHaveLength(3);
    expect(result.states).toContain('Send Unreachable SMS');
  });

  it('emergency: self-harm signal → EMERGENCY case and alert to the district topic', async () => {
    const alertsBefore = runtime.outbox.count('ALERT');
    const { result, record } = await runHousehold('H-EMERG');
    expect(record.urgency).toBe('EMERGENCY');
    expect(record.summary?.riskFlags.selfHarm).toBe(true);
    expect(result.states).toContain('Publish Emergency Alert');
    expect(runtime.outbox.count('ALERT')).toBeGreaterThan(alertsBefore);
  });

  it('callback: the requested time is honoured, then the consultation happens', async () => {
    const { result, record } = await runHousehold('H-CALLBACK');
    expect(result.states).toContain('Wait For Callback');
    expect(record.result).toBe('CONSULTED');
    expect(record.attempts.filter((a) => a.outcome === 'ANSWERED')).toHaveLength(2);
  });

  it('refused: the case ends as REFUSED after one answered call', async () => {
    const { record } = await runHousehold('H-REFUSE');
    expect(record.result).toBe('REFUSED');
    expect(record.attempts.map((a) => a.outcome)).toEqual(['ANSWERED']);
  });

  it('wrong number: the case ends as WRONG_NUMBER', async () => {
    const { record } = await runHousehold('H-WRONG');
    expect(record.result).toBe('WRONG_NUMBER');
  });

  it('opt-out: the case ends as OPTED_OUT and a later list does not call the household again', async () => {
    const { record } = await runHousehold('H-OPTOUT');
    expect(record.result).toBe('OPTED_OUT');
    const callsBefore = runtime.network.stats.calls;
    const again = await runtime.workflow.run(
      { batchId: 'wf-test-2', caseId: 'case-H-OPTOUT-2', household: household('H-OPTOUT'), position: 0 },
      { recordStates: true },
    );
    expect(again.states).toContain('Opted Out');
    expect(runtime.network.stats.calls).toBe(callsBefore);
  });

  it('a Lambda failing for good is caught: the household still gets a terminal UNREACHABLE record', async () => {
    const { result, record } = await runHousehold('H-FAIL');
    expect(result.status).toBe('SUCCEEDED');
    expect(result.states.slice(0, 3)).toEqual(['Reserve Case', 'Record Failure', 'Finish Case']);
    expect(record.progress).toBe('DONE');
    expect(record.result).toBe('UNREACHABLE');
    expect((record as { endReason?: string }).endReason).toContain('UnknownDistrictError');
  });

  it('the same household and batch started twice is a no-op the second time', async () => {
    const callsBefore = runtime.network.stats.calls;
    const again = await runtime.workflow.run(
      { batchId: 'wf-test', caseId: 'case-H-ANSWER', household: household('H-ANSWER'), position: 0 },
      { recordStates: true },
    );
    expect(again.states).toEqual(['Reserve Case', 'Is Case Reserved?', 'Already Reserved']);
    expect(runtime.network.stats.calls).toBe(callsBefore);
  });

  it('never exceeds the call slots and never dials outside calling hours', () => {
    expect(runtime.network.stats.maxConcurrentCalls).toBeLessThanOrEqual(2);
    expect(runtime.network.stats.callsOutsideHours).toBe(0);
  });
});
