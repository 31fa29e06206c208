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
};

let runtime: LocalRuntime;

const household = (householdId: string): Household => ({
  householdId,
  name: '김순자',
  phone: `+8210000${String(Object.keys(assigned).indexOf(householdId) + 1).padStart(5, '0')}`,
  phoneKind: 'MOBILE',
  districtCode: '11680',
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

  it('never exceeds the call slots and never dials outside calling hours', () => {
    expect(runtime.network.stats.maxConcurrentCalls).toBeLessThanOrEqual(2);
    expect(runtime.network.stats.callsOutsideHours).toBe(0);
  });
});
