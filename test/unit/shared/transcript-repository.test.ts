import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, describe, expect, it } from 'vitest';
import { useFreshLocalTables } from '../../support/local-tables.ts';

describe('Function: appendTurn / loadTranscript', () => {
  let repo: typeof import('../../../functions/shared/transcript-repository.ts');

  beforeAll(async () => {
    await useFreshLocalTables();
    repo = await import('../../../functions/shared/transcript-repository.ts');
  });

  it('stores turns and reads them back ordered by seq on DynamoDB Local', async () => {
    // Prepare
    const at = '2025-03-03T01:00:00.000Z';
    await repo.appendTurn({ contactId: 'c-1', seq: 2, speaker: 'bot', text: '감사합니다.', at });
    await repo.appendTurn({
      contactId: 'c-1',
      seq: 0,
      speaker: 'bot',
      text: '안녕하세요.',
      at,
      caseId: 'case-1',
    });
    await repo.appendTurn({ contactId: 'c-1', seq: 1, speaker: 'resident', text: '네 맞아예', at });
    await repo.appendTurn({ contactId: 'c-2', seq: 0, speaker: 'bot', text: '다른 통화', at });

    // Act
    const transcript = await repo.loadTranscript('c-1');

    // Assess
    expect(transcript).toEqual({
      contactId: 'c-1',
      locale: 'ko-KR',
      turns: [
        { speaker: 'bot', text: '안녕하세요.', at },
        { speaker: 'resident', text: '네 맞아예', at },
        { speaker: 'bot', text: '감사합니다.', at },
      ],
    });
  });

  it('returns an empty transcript for an unknown contact', async () => {
    const transcript = await repo.loadTranscript('nobody');
    expect(transcript.turns).toEqual([]);
  });

  it('writes the TTL from the retention and follows query pages', async () => {
    // Prepare
    const mock = mockClient(DynamoDBDocumentClient);
    mock
      .on(QueryCommand)
      .resolvesOnce({
        Items: [{ seq: 0, speaker: 'bot', text: 'a' }],
        LastEvaluatedKey: { contactId: 'x', seq: 0 },
      })
      .resolvesOnce({ Items: [{ seq: 1, speaker: 'resident', text: 'b' }] });
    const client = DynamoDBDocumentClient.from(
      new (await import('@aws-sdk/client-dynamodb')).DynamoDBClient({ region: 'ap-northeast-2' }),
    );

    // Act
    await repo.appendTurn(
      { contactId: 'x', seq: 0, speaker: 'bot', text: 'a', at: '2025-01-01T00:00:00.000Z' },
      { client, tableName: 'T', retentionDays: 1 },
    );
    const transcript = await repo.loadTranscript('x', { client, tableName: 'T' });

    // Assess
    expect(mock.commandCalls(PutCommand)[0]?.args[0].input).toEqual({
      TableName: 'T',
      Item: {
        contactId: 'x',
        seq: 0,
        speaker: 'bot',
        text: 'a',
        at: '2025-01-01T00:00:00.000Z',
        expiresAt: 1735776000,
      },
    });
    expect(mock.commandCalls(QueryCommand)[1]?.args[0].input.ExclusiveStartKey).toEqual({
      contactId: 'x',
      seq: 0,
    });
    expect(transcript.turns.map((t) => t.text)).toEqual(['a', 'b']);
    mock.restore();
  });
});
