import { StartOutboundVoiceContactCommand } from '@aws-sdk/client-connect';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { allCustomMatcher } from 'aws-sdk-client-mock-vitest';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../../functions/domain/case-record.ts';
import { connect, dynamoDb } from '../../../../functions/shared/clients.ts';

expect.extend(allCustomMatcher);

// The handler reads its configuration at import: set it first, import it in beforeAll.
Object.assign(process.env, {
  CONNECT_INSTANCE_ID: '8d6f2a51-3c1e-4b7a-9f0d-2e5c8b4a7d13',
  CONNECT_CONTACT_FLOW_ID: 'c2f4e6a8-1b3d-4f5a-8c7e-9d0b2a4c6e81',
  CONNECT_SOURCE_PHONE_NUMBER: '+827045671234',
  CASES_TABLE_NAME: 'wfc-Cases',
  CONTROL_TABLE_NAME: 'wfc-Control',
});
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
delete process.env.CONNECT_QUEUE_ID;
delete process.env.DISTRICTS;

const connectMock = mockClient(connect);
const dynamoMock = mockClient(dynamoDb);
const now = new Date('2026-11-25T01:30:00.000Z');

const record: CaseRecord = {
  caseId: '9b2e4d6f8a1c3e5b7d9f0a2c4e6b8d1f',
  batchId: '26350-0123456789abcdef',
  householdId: 'H-000777',
  name: '최 덕순',
  phone: '+821098765432',
  phoneKind: 'MOBILE',
  districtCode: '26350',
  dong: '반여2동',
  riskFlags: ['단전', '건강보험료체납'],
  birthYear: 1946,
  progress: 'NOTIFIED',
  attempts: [],
  verificationCode: '7302',
  createdAt: '2026-11-25T00:00:00.000Z',
  updatedAt: '2026-11-25T00:00:00.000Z',
};

const taskToken = 'AQCEAAAAKgAAAAMAAAAAAAAAAc1Dvq0pXkqY+token/==';

describe('Function: startCall', () => {
  let startCall: typeof import('../../../../functions/start-call/handler.ts').startCall;

  beforeAll(async () => {
    ({ startCall } = await import('../../../../functions/start-call/handler.ts'));
  });

  beforeEach(() => {
    connectMock.reset();
    dynamoMock.reset();
    dynamoMock.on(UpdateCommand).resolves({ Attributes: record });
    connectMock.on(StartOutboundVoiceContactCommand).resolves({ ContactId: 'contact-0001' });
  });

  it('places the outbound call with the configured instance, flow and number, and the call context', async () => {
    // Act
    const result = await startCall({ caseId: record.caseId, taskToken }, connect, now);

    // Assess
    expect(result).toEqual({ contactId: 'contact-0001' });
    expect(connectMock).toHaveReceivedCommandOnce(StartOutboundVoiceContactCommand);
    expect(connectMock).toHaveReceivedCommandWith(StartOutboundVoiceContactCommand, {
      InstanceId: '8d6f2a51-3c1e-4b7a-9f0d-2e5c8b4a7d13',
      ContactFlowId: 'c2f4e6a8-1b3d-4f5a-8c7e-9d0b2a4c6e81',
      SourcePhoneNumber: '+827045671234',
      DestinationPhoneNumber: '+821098765432',
      TrafficType: 'GENERAL',
    });
    const input = connectMock.commandCalls(StartOutboundVoiceContactCommand)[0]?.args[0].input;
    expect(input).toEqual({
      InstanceId: '8d6f2a51-3c1e-4b7a-9f0d-2e5c8b4a7d13',
      ContactFlowId: 'c2f4e6a8-1b3d-4f5a-8c7e-9d0b2a4c6e81',
      SourcePhoneNumber: '+827045671234',
      DestinationPhoneNumber: '+821098765432',
      TrafficType: 'GENERAL',
      ClientToken: expect.stringMatching(/^[0-9a-f]{64}$/),
      Attributes: {
        wfcTaskToken: taskToken,
        wfcCaseId: '9b2e4d6f8a1c3e5b7d9f0a2c4e6b8d1f',
        wfcHouseholdId: 'H-000777',
        wfcDistrictCode: '26350',
        wfcResidentName: '최 덕순',
        wfcBirthYear: '1946',
        wfcOfficeName: '해운대구청 복지정책과',
        wfcOfficePhone: '051-749-4000',
        wfcVerificationCode: '7302',
        wfcRiskFlags: '단전;건강보험료체납',
      },
    });
  });

  it('marks the case CALLING in one conditional write that returns it, before dialing', async () => {
    // Act
    await startCall({ caseId: record.caseId, taskToken }, connect, now);

    // Assess
    expect(dynamoMock).toHaveReceivedCommandWith(UpdateCommand, {
      TableName: 'wfc-Cases',
      Key: { caseId: record.caseId },
      UpdateExpression: 'SET progress = :calling, updatedAt = :t',
      ConditionExpression: 'attribute_exists(caseId) AND progress <> :done',
      ExpressionAttributeValues: { ':calling': 'CALLING', ':t': '2026-11-25T01:30:00.000Z', ':done': 'DONE' },
      ReturnValues: 'ALL_NEW',
    });
    const order = [...dynamoMock.calls(), ...connectMock.calls()].map((c) => c.args[0].constructor.name);
    expect(order).toEqual(['UpdateCommand', 'StartOutboundVoiceContactCommand']);
  });

  it('uses the same client token for a retried Lambda and a new one for the next attempt', async () => {
    // Prepare
    const tokens: (string | undefined)[] = [];
    const place = async () => {
      await startCall({ caseId: record.caseId, taskToken }, connect, now);
      tokens.push(
        connectMock.commandCalls(StartOutboundVoiceContactCommand).at(-1)?.args[0].input.ClientToken,
      );
    };

    // Act
    await place();
    await place();
    dynamoMock.on(UpdateCommand).resolves({
      Attributes: {
        ...record,
        attempts: [
          { at: now.toISOString(), outcome: 'NO_ANSWER', durationSec: 0, contactId: 'contact-0001' },
        ],
      },
    });
    await place();

    // Assess
    expect(tokens[0]).toBeDefined();
    expect(tokens[1]).toBe(tokens[0]);
    expect(tokens[2]).toBeDefined();
    expect(tokens[2]).not.toBe(tokens[0]);
  });

  it('leaves out the birth year when the list had none', async () => {
    // Prepare
    const { birthYear: _unused, ...withoutBirthYear } = record;
    dynamoMock.on(UpdateCommand).resolves({ Attributes: withoutBirthYear });

    // Act
    await startCall({ caseId: record.caseId, taskToken }, connect, now);

    // Assess
    const input = connectMock.commandCalls(StartOutboundVoiceContactCommand)[0]?.args[0].input;
    expect(input?.Attributes).not.toHaveProperty('wfcBirthYear');
  });

  it('throws when Connect returns no ContactId', async () => {
    // Prepare
    connectMock.on(StartOutboundVoiceContactCommand).resolves({});

    // Act
    const act = startCall({ caseId: record.caseId, taskToken }, connect, now);

    // Assess
    await expect(act).rejects.toThrow('StartOutboundVoiceContact returned no ContactId');
  });

  it('does not dial a case that does not exist', async () => {
    // Prepare
    dynamoMock
      .on(UpdateCommand)
      .rejects(
        new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }),
      );

    // Act
    const act = startCall({ caseId: 'missing', taskToken }, connect, now);

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'CaseNotFoundError' });
    expect(connectMock).not.toHaveReceivedCommand(StartOutboundVoiceContactCommand);
  });

  it('does not dial a household of a district that is not configured', async () => {
    // Prepare
    dynamoMock.on(UpdateCommand).resolves({ Attributes: { ...record, districtCode: '99999' } });

    // Act
    const act = startCall({ caseId: record.caseId, taskToken }, connect, now);

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'UnknownDistrictError' });
    expect(connectMock).not.toHaveReceivedCommand(StartOutboundVoiceContactCommand);
  });
});
