import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConsultationSummarySchema } from '../../../functions/domain/consultation-summary.ts';
import { useFreshLocalTables } from '../../support/local-tables.ts';

const bedrockClient = new BedrockRuntimeClient({ region: 'ap-northeast-2' });
const bedrockMock = mockClient(bedrockClient);

describe('Handler: summarize-consultation', () => {
  let summarizeConsultation: typeof import('../../../functions/summarize-consultation/handler.ts').summarizeConsultation;
  let handler: typeof import('../../../functions/summarize-consultation/handler.ts').handler;
  let appendTurn: typeof import('../../../functions/shared/transcript-repository.ts').appendTurn;

  beforeAll(async () => {
    await useFreshLocalTables();
    ({ summarizeConsultation, handler } = await import(
      '../../../functions/summarize-consultation/handler.ts'
    ));
    ({ appendTurn } = await import('../../../functions/shared/transcript-repository.ts'));
    const lines: ['bot' | 'resident', string][] = [
      ['bot', '안녕하세요. 한빛구청 AI 상담원입니다. 송달수 님 맞으세요?'],
      ['resident', '네 맞는데, 지금 통화하기 좀 곤란해요.'],
      ['bot', '그러시면 편하신 시간에 다시 연락드려도 될까요?'],
      [
        'resident',
        '집주인이 다음 달까지 방 빼라고 해서 그거 얘기 중이에요. 내일 오후 세 시에 다시 전화 주세요.',
      ],
      ['bot', '네, 내일 오후 세 시에 다시 전화드릴게요.'],
    ];
    for (const [seq, [speaker, text]] of lines.entries()) {
      await appendTurn({ contactId: 'callback-1', seq, speaker, text, at: '2025-03-04T01:00:00.000Z' });
    }
  });

  afterEach(() => {
    delete process.env.SUMMARIZER;
    delete process.env.BEDROCK_MODEL_ID;
    bedrockMock.reset();
  });

  it('summarizes the stored transcript with rules by default, with the callback time', async () => {
    // Act
    const summary = await handler({ contactId: 'callback-1' }, {} as never);

    // Assess
    expect(ConsultationSummarySchema.parse(summary)).toMatchObject({
      outcome: 'CALLBACK_REQUESTED',
      urgency: 'HIGH',
      crisisTypes: ['HOUSING'],
      followUp: 'HOME_VISIT',
      summarizer: 'rules',
      callbackAt: '2025-03-05T06:00:00.000Z',
    });
  });

  it('returns a valid PARTIAL summary for a contact without resident turns', async () => {
    const summary = await summarizeConsultation({ contactId: 'nobody' });
    expect(summary).toMatchObject({ outcome: 'PARTIAL', needsReview: true });
    expect(ConsultationSummarySchema.safeParse(summary).success).toBe(true);
  });

  it('uses Bedrock when SUMMARIZER=bedrock and falls back to rules when the model fails', async () => {
    // Prepare
    process.env.SUMMARIZER = 'bedrock';
    process.env.BEDROCK_MODEL_ID = 'anthropic.claude-3-haiku-20240307-v1:0';
    bedrockMock
      .on(ConverseCommand)
      .rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));

    // Act
    const summary = await summarizeConsultation({ contactId: 'callback-1' }, { bedrockClient });

    // Assess
    expect(bedrockMock.commandCalls(ConverseCommand)[0]?.args[0].input.modelId).toBe(
      'anthropic.claude-3-haiku-20240307-v1:0',
    );
    expect(summary).toMatchObject({ summarizer: 'rules', needsReview: true, outcome: 'CALLBACK_REQUESTED' });
  });

  it('rejects an event without contactId', async () => {
    await expect(summarizeConsultation({} as never)).rejects.toThrow('contactId is required');
  });
});
