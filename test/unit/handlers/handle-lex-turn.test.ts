import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { LexV2Event, LexV2Result } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleLexTurn } from '../../../functions/handle-lex-turn/handler.ts';

const dynamoDb = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'ap-northeast-2' }));
const sns = new SNSClient({ region: 'ap-northeast-2' });
const dynamoMock = mockClient(dynamoDb);
const snsMock = mockClient(sns);
const now = () => new Date('2025-03-04T01:00:00.000Z');

const contactAttributes = {
  wfcContactId: 'contact-1',
  wfcCaseId: 'case-1',
  wfcDistrictCode: '11680',
  wfcResidentName: '김영희',
  wfcBirthYear: '1950',
  wfcOfficeName: '강남구청 복지정책과',
  wfcOfficePhone: '02-3423-5000',
  wfcVerificationCode: '4821',
  wfcRiskFlags: '단전',
};

function lexEvent(inputTranscript: string, sessionAttributes: Record<string, string>): LexV2Event {
  return {
    messageVersion: '1.0',
    invocationSource: 'DialogCodeHook',
    inputMode: 'Speech',
    responseContentType: 'text/plain; charset=utf-8',
    sessionId: 'lex-session-1',
    inputTranscript,
    bot: { id: 'B', name: 'wfc', aliasId: 'A', aliasName: 'live', localeId: 'ko_KR', version: '1' },
    interpretations: [],
    proposedNextState: undefined as never,
    requestAttributes: {},
    sessionState: {
      sessionAttributes,
      activeContexts: [],
      intent: { name: 'FallbackIntent', slots: {}, state: 'InProgress', confirmationState: 'None' },
      originatingRequestId: 'r',
    },
    transcriptions: [],
  } as LexV2Event;
}

beforeEach(() => {
  process.env.TRANSCRIPTS_TABLE_NAME = 'Transcripts';
  process.env.ALERT_TOPIC_ARN = 'arn:aws:sns:ap-northeast-2:123456789012:wfc-alerts';
  process.env.UNDERSTANDING = 'rules';
  dynamoMock.on(PutCommand).resolves({});
  snsMock.on(PublishCommand).resolves({ MessageId: 'm-1' });
});
afterEach(() => {
  dynamoMock.reset();
  snsMock.reset();
});

/** Text of the first message (LexV2Message is a union; PlainText and SSML carry `content`). */
function contentOf(result: LexV2Result): string | undefined {
  const message = result.messages?.[0];
  return message && 'content' in message ? message.content : undefined;
}

async function turn(text: string, previous?: LexV2Result): Promise<LexV2Result> {
  const attributes = previous?.sessionState.sessionAttributes ?? contactAttributes;
  return handleLexTurn(lexEvent(text, attributes), { dynamoDb, sns, now });
}

describe('Function: handleLexTurn', () => {
  it('greets on the first turn with the code, stores the bot turn and keeps listening (ElicitIntent)', async () => {
    // Act
    const result = await turn('여보세요');

    // Assess
    expect(result.sessionState.dialogAction).toEqual({ type: 'ElicitIntent' });
    expect(result.messages?.[0]?.contentType).toBe('PlainText');
    expect(contentOf(result)).toContain('4, 8, 2, 1');
    expect(result.sessionState.sessionAttributes?.wfcSeq).toBe('1');
    expect(JSON.parse(result.sessionState.sessionAttributes?.wfcState ?? '{}').expecting).toBe('IDENTITY');
    const puts = dynamoMock.commandCalls(PutCommand);
    expect(puts).toHaveLength(1);
    expect(puts[0]?.args[0].input).toEqual({
      TableName: 'Transcripts',
      Item: {
        contactId: 'contact-1',
        seq: 0,
        speaker: 'bot',
        text: contentOf(result),
        at: '2025-03-04T01:00:00.000Z',
        caseId: 'case-1',
        expiresAt: expect.any(Number),
      },
    });
  });

  it('writes the resident turn and the bot turn in order', async () => {
    const first = await turn('여보세요');
    dynamoMock.resetHistory();

    const second = await turn('네 맞아요. 1950년생이에요.', first);

    const items = dynamoMock.commandCalls(PutCommand).map((c) => c.args[0].input.Item);
    expect(items.map((i) => [i?.seq, i?.speaker])).toEqual([
      [1, 'resident'],
      [2, 'bot'],
    ]);
    expect(items[0]?.text).toBe('네 맞아요. 1950년생이에요.');
    expect(second.sessionState.sessionAttributes?.wfcSeq).toBe('3');
  });

  it('publishes the emergency alert on the very turn it is heard, with districtCode for filtering', async () => {
    // Prepare
    let result = await turn('여보세요');
    result = await turn('네 맞아요 50년생', result);
    result = await turn('네', result);
    snsMock.resetHistory();

    // Act
    result = await turn('요즘은 그냥 다 그만하고 싶어요', result);

    // Assess
    const publishes = snsMock.commandCalls(PublishCommand);
    expect(publishes).toHaveLength(1);
    const input = publishes[0]?.args[0].input;
    expect(input?.TopicArn).toBe('arn:aws:sns:ap-northeast-2:123456789012:wfc-alerts');
    expect(input?.MessageAttributes).toEqual({
      districtCode: { DataType: 'String', StringValue: '11680' },
      kind: { DataType: 'String', StringValue: 'SELF_HARM' },
    });
    expect(JSON.parse(input?.Message ?? '{}')).toMatchObject({
      type: 'EMERGENCY',
      kind: 'SELF_HARM',
      hotline: '109',
      contactId: 'contact-1',
      caseId: 'case-1',
    });
    expect(result.sessionState.dialogAction.type).toBe('ElicitIntent');
    expect(contentOf(result)).toContain('109');
    expect(result.sessionState.sessionAttributes?.wfcEmergency).toBe('SELF_HARM');
  });

  it('closes the dialogue with the outcome attributes for the contact flow (opt-out)', async () => {
    let result = await turn('여보세요');
    result = await turn('다시는 전화하지 마세요', result);

    expect(result.sessionState.dialogAction).toEqual({ type: 'Close' });
    expect(result.sessionState.intent).toEqual({ name: 'FallbackIntent', state: 'Fulfilled' });
    expect(result.sessionState.sessionAttributes).toMatchObject({ wfcOutcome: 'REFUSED', wfcOptOut: 'true' });
    expect(snsMock.commandCalls(PublishCommand)).toHaveLength(0);
  });

  it('treats an empty transcript as no input and speaks slower (SSML) when asked', async () => {
    let result = await turn('여보세요');
    result = await turn('', result);
    expect(contentOf(result)).toContain('잘 안 들려서');
    expect(
      dynamoMock.commandCalls(PutCommand).filter((c) => c.args[0].input.Item?.speaker === 'resident'),
    ).toHaveLength(0);

    result = await turn('좀 천천히 말해 주세요', result);
    expect(result.messages?.[0]?.contentType).toBe('SSML');
    expect(contentOf(result)).toMatch(/^<speak><prosody rate="slow">/);
  });
});
