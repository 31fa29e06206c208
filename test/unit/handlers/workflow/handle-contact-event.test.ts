import { DescribeContactCommand, GetContactAttributesCommand } from '@aws-sdk/client-connect';
import { SendTaskSuccessCommand, TaskTimedOut } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { allCustomMatcher } from 'aws-sdk-client-mock-vitest';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ContactEvent } from '../../../../functions/handle-contact-event/handler.ts';
import { connect, sfn } from '../../../../functions/shared/clients.ts';

expect.extend(allCustomMatcher);
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

const connectMock = mockClient(connect);
const sfnMock = mockClient(sfn);

const instanceId = '8d6f2a51-3c1e-4b7a-9f0d-2e5c8b4a7d13';
const instanceArn = `arn:aws:connect:ap-northeast-2:123456789012:instance/${instanceId}`;
const contactId = 'a1b2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const taskToken = 'AQCEAAAAKgAAAAMAAAAAAAAAAc1Dvq0pXkqY+token/==';
const now = new Date('2026-11-25T01:40:00.000Z');

/** An EventBridge "Amazon Connect Contact Event" as Connect emits it for an API-initiated outbound call. */
function contactEvent(eventType: string): ContactEvent {
  return {
    version: '0',
    id: '7f5c2e1a-9b3d-4c8e-a6f0-1d2b3c4e5f60',
    'detail-type': 'Amazon Connect Contact Event',
    source: 'aws.connect',
    account: '123456789012',
    time: '2026-11-25T01:35:00Z',
    region: 'ap-northeast-2',
    resources: [`${instanceArn}/contact/${contactId}`],
    detail: {
      eventType,
      contactId,
      initialContactId: contactId,
      channel: 'VOICE',
      instanceArn,
      initiationMethod: 'API',
    },
  };
}

const consultationAttributes = {
  wfcTaskToken: taskToken,
  wfcCaseId: '9b2e4d6f8a1c3e5b7d9f0a2c4e6b8d1f',
  wfcResidentName: '최 덕순',
  wfcOfficeName: '해운대구청 복지정책과',
};

const initiated = new Date('2026-11-25T01:30:00.000Z');

function sentOutput(): unknown {
  const input = sfnMock.commandCalls(SendTaskSuccessCommand)[0]?.args[0].input;
  expect(input?.taskToken).toBe(taskToken);
  return JSON.parse(input?.output ?? 'null');
}

describe('Function: handleContactEvent', () => {
  let handleContactEvent: typeof import('../../../../functions/handle-contact-event/handler.ts').handleContactEvent;

  beforeAll(async () => {
    ({ handleContactEvent } = await import('../../../../functions/handle-contact-event/handler.ts'));
  });

  beforeEach(() => {
    connectMock.reset();
    sfnMock.reset();
    connectMock.on(GetContactAttributesCommand).resolves({ Attributes: consultationAttributes });
    sfnMock.on(SendTaskSuccessCommand).resolves({});
  });

  it.each(['INITIATED', 'CONNECTED_TO_SYSTEM', 'CONTACT_DATA_UPDATED', 'COMPLETED'])(
    'ignores a %s event without calling AWS',
    async (eventType) => {
      // Act
      const report = await handleContactEvent(contactEvent(eventType), { connect, sfn }, now);

      // Assess
      expect(report).toBeUndefined();
      expect(connectMock.calls()).toHaveLength(0);
      expect(sfnMock.calls()).toHaveLength(0);
    },
  );

  it('ignores a contact that is not a consultation call (no wfcTaskToken)', async () => {
    // Prepare
    connectMock.on(GetContactAttributesCommand).resolves({ Attributes: { someOtherFlow: 'yes' } });

    // Act
    const report = await handleContactEvent(contactEvent('DISCONNECTED'), { connect, sfn }, now);

    // Assess
    expect(report).toBeUndefined();
    expect(connectMock).not.toHaveReceivedCommand(DescribeContactCommand);
    expect(sfnMock).not.toHaveReceivedCommand(SendTaskSuccessCommand);
  });

  it('reads attributes and the contact with the instance id from the ARN', async () => {
    // Prepare
    connectMock.on(DescribeContactCommand).resolves({
      Contact: { InitiationTimestamp: initiated, DisconnectReason: 'TELECOM_UNANSWERED' },
    });

    // Act
    await handleContactEvent(contactEvent('DISCONNECTED'), { connect, sfn }, now);

    // Assess
    expect(connectMock).toHaveReceivedCommandOnce(GetContactAttributesCommand);
    expect(connectMock.commandCalls(GetContactAttributesCommand)[0]?.args[0].input).toEqual({
      InstanceId: instanceId,
      InitialContactId: contactId,
    });
    expect(connectMock).toHaveReceivedCommandOnce(DescribeContactCommand);
    expect(connectMock.commandCalls(DescribeContactCommand)[0]?.args[0].input).toEqual({
      InstanceId: instanceId,
      ContactId: contactId,
    });
  });

  it('reports BUSY for a call never connected because the line was busy', async () => {
    // Prepare
    connectMock.on(DescribeContactCommand).resolves({
      Contact: {
        InitiationTimestamp: initiated,
        DisconnectTimestamp: new Date('2026-11-25T01:30:06.000Z'),
        DisconnectReason: 'TELECOM_BUSY',
      },
    });

    // Act
    const report = await handleContactEvent(contactEvent('DISCONNECTED'), { connect, sfn }, now);

    // Assess
    expect(sfnMock).toHaveReceivedCommandOnce(SendTaskSuccessCommand);
    expect(sentOutput()).toEqual({
      outcome: 'BUSY',
      contactId,
      durationSec: 0,
      startedAt: '2026-11-25T01:30:00.000Z',
      disconnectReason: 'TELECOM_BUSY',
    });
    expect(report?.outcome).toBe('BUSY');
  });

  it('reports NO_ANSWER for a call nobody picked up', async () => {
    // Prepare
    connectMock.on(DescribeContactCommand).resolves({
      Contact: {
        InitiationTimestamp: initiated,
        DisconnectTimestamp: new Date('2026-11-25T01:31:00.000Z'),
        DisconnectReason: 'TELECOM_UNANSWERED',
      },
    });

    // Act
    await handleContactEvent(contactEvent('DISCONNECTED'), { connect, sfn }, now);

    // Assess
    expect(sentOutput()).toEqual({
      outcome: 'NO_ANSWER',
      contactId,
      durationSec: 0,
      startedAt: '2026-11-25T01:30:00.000Z',
      disconnectReason: 'TELECOM_UNANSWERED',
    });
  });

  it('reports VOICEMAIL for a connected call where the dialogue heard nobody', async () => {
    // Prepare
    connectMock.on(GetContactAttributesCommand).resolves({
      Attributes: { ...consultationAttributes, wfcNoResponse: 'true' },
    });
    connectMock.on(DescribeContactCommand).resolves({
      Contact: {
        InitiationTimestamp: initiated,
        ConnectedToSystemTimestamp: new Date('2026-11-25T01:30:25.000Z'),
        DisconnectTimestamp: new Date('2026-11-25T01:31:05.000Z'),
        DisconnectReason: 'CONTACT_FLOW_DISCONNECT',
      },
    });

    // Act
    await handleContactEvent(contactEvent('DISCONNECTED'), { connect, sfn }, now);

    // Assess
    expect(sentOutput()).toEqual({
      outcome: 'VOICEMAIL',
      contactId,
      durationSec: 40,
      startedAt: '2026-11-25T01:30:00.000Z',
      disconnectReason: 'CONTACT_FLOW_DISCONNECT',
    });
  });

  it('reports ANSWERED with the talk time for a connected call', async () => {
    // Prepare
    connectMock.on(DescribeContactCommand).resolves({
      Contact: {
        InitiationTimestamp: initiated,
        ConnectedToSystemTimestamp: new Date('2026-11-25T01:30:15.000Z'),
        DisconnectTimestamp: new Date('2026-11-25T01:37:03.000Z'),
        DisconnectReason: 'CUSTOMER_DISCONNECT',
      },
    });

    // Act
    const report = await handleContactEvent(contactEvent('DISCONNECTED'), { connect, sfn }, now);

    // Assess
    const expected = {
      outcome: 'ANSWERED',
      contactId,
      durationSec: 408,
      startedAt: '2026-11-25T01:30:00.000Z',
      disconnectReason: 'CUSTOMER_DISCONNECT',
    };
    expect(sentOutput()).toEqual(expected);
    expect(report).toEqual(expected);
  });

  it('swallows TaskTimedOut (the execution moved on) and still returns the report', async () => {
    // Prepare
    connectMock.on(DescribeContactCommand).resolves({
      Contact: { InitiationTimestamp: initiated, DisconnectReason: 'TELECOM_BUSY' },
    });
    sfnMock
      .on(SendTaskSuccessCommand)
      .rejects(new TaskTimedOut({ message: 'Task Timed Out', $metadata: { httpStatusCode: 400 } }));

    // Act
    const report = await handleContactEvent(contactEvent('DISCONNECTED'), { connect, sfn }, now);

    // Assess
    expect(report?.outcome).toBe('BUSY');
    expect(sfnMock).toHaveReceivedCommandOnce(SendTaskSuccessCommand);
  });

  it('rethrows other SendTaskSuccess errors so EventBridge retries', async () => {
    // Prepare
    connectMock.on(DescribeContactCommand).resolves({
      Contact: { InitiationTimestamp: initiated, DisconnectReason: 'TELECOM_BUSY' },
    });
    sfnMock
      .on(SendTaskSuccessCommand)
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));

    // Act
    const act = handleContactEvent(contactEvent('DISCONNECTED'), { connect, sfn }, now);

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'ThrottlingException' });
  });

  it('rethrows a failing Connect read', async () => {
    // Prepare
    connectMock
      .on(GetContactAttributesCommand)
      .rejects(Object.assign(new Error('not found'), { name: 'ResourceNotFoundException' }));

    // Act
    const act = handleContactEvent(contactEvent('DISCONNECTED'), { connect, sfn }, now);

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    expect(sfnMock).not.toHaveReceivedCommand(SendTaskSuccessCommand);
  });

  it('reads the attributes by the contact id when the event has no initialContactId', async () => {
    // Prepare
    const event = contactEvent('DISCONNECTED');
    const { initialContactId: _unused, ...detail } = event.detail;
    connectMock.on(DescribeContactCommand).resolves({
      Contact: { InitiationTimestamp: initiated, DisconnectReason: 'TELECOM_BUSY' },
    });

    // Act
    await handleContactEvent({ ...event, detail }, { connect, sfn }, now);

    // Assess
    expect(connectMock).toHaveReceivedCommandWith(GetContactAttributesCommand, {
      InstanceId: instanceId,
      InitialContactId: contactId,
    });
    expect(sfnMock).toHaveReceivedCommandOnce(SendTaskSuccessCommand);
  });
});
