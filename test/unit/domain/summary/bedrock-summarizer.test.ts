import {
  BedrockRuntimeClient,
  ConverseCommand,
  type ConverseCommandOutput,
} from '@aws-sdk/client-bedrock-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsultationSummarySchema } from '../../../../functions/domain/consultation-summary.ts';
import type { Transcript } from '../../../../functions/domain/transcript.ts';
import {
  BedrockSummarizer,
  SUMMARY_SYSTEM_PROMPT,
  SUMMARY_TOOL,
} from '../../../../functions/shared/bedrock/bedrock-summarizer.ts';

const MODEL = 'anthropic.claude-3-5-sonnet-20240620-v1:0';
const client = new BedrockRuntimeClient({ region: 'ap-northeast-2' });
const bedrockMock = mockClient(client);

const transcript: Transcript = {
  contactId: 'c-1',
  locale: 'ko-KR',
  turns: [
    { speaker: 'bot', text: '안녕하세요. 한빛구청 AI 상담원입니다. 김영희 님 맞으신가요?' },
    { speaker: 'resident', text: '네 맞아요.' },
    { speaker: 'bot', text: '요즘 생활비는 어떻게 하고 계세요?' },
    { speaker: 'resident', text: '월세가 넉 달 밀려서 집주인이 나가라고 해요.' },
  ],
};

function toolAnswer(input: unknown): ConverseCommandOutput {
  return {
    output: {
      message: {
        role: 'assistant',
        content: [{ toolUse: { toolUseId: 't1', name: SUMMARY_TOOL, input: input as never } }],
      },
    },
    stopReason: 'tool_use',
    usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 },
    metrics: { latencyMs: 1 },
    $metadata: {},
  };
}

const modelSummary = {
  outcome: 'COMPLETED',
  urgency: 'HIGH',
  crisisTypes: ['HOUSING'],
  selfHarm: false,
  followUp: 'HOME_VISIT',
  needs: ['월세 체납 해결'],
  narrative:
    '월세 4개월 체납으로 퇴거 통보를 받았습니다. 방문 상담이 필요합니다. 주거급여와 긴급지원을 검토하세요.',
  evidence: [{ claim: '월세 4개월 체납, 퇴거 요구', turn: 3 }],
  suggestedPrograms: [{ program: '기초생활보장 주거급여', reason: '월세 체납', turn: 3 }],
};

afterEach(() => bedrockMock.reset());

describe('Class: BedrockSummarizer', () => {
  describe('Method: summarize', () => {
    it('sends one Converse request with the tool schema, forced tool choice and temperature 0', async () => {
      // Prepare
      bedrockMock.on(ConverseCommand).resolves(toolAnswer(modelSummary));

      // Act
      const summary = await new BedrockSummarizer({ modelId: MODEL, client }).summarize(transcript);

      // Assess
      const calls = bedrockMock.commandCalls(ConverseCommand);
      expect(calls).toHaveLength(1);
      const input = calls[0]?.args[0].input;
      expect(input?.modelId).toBe(MODEL);
      expect(input?.inferenceConfig?.temperature).toBe(0);
      expect(input?.system).toEqual([{ text: SUMMARY_SYSTEM_PROMPT }]);
      expect(input?.toolConfig?.toolChoice).toEqual({ tool: { name: SUMMARY_TOOL } });
      const spec = input?.toolConfig?.tools?.[0]?.toolSpec;
      expect(spec?.name).toBe(SUMMARY_TOOL);
      const schema = spec?.inputSchema?.json as { required: string[]; properties: Record<string, unknown> };
      expect(schema.required).toEqual(
        expect.arrayContaining(['outcome', 'urgency', 'crisisTypes', 'selfHarm', 'followUp']),
      );
      expect(input?.messages?.[0]?.content?.[0]?.text).toContain('[3] 주민: 월세가 넉 달 밀려서');
      expect(summary).toMatchObject({
        outcome: 'COMPLETED',
        urgency: 'HIGH',
        crisisTypes: ['HOUSING'],
        summarizer: `bedrock:${MODEL}`,
        needsReview: false,
      });
      expect(ConsultationSummarySchema.safeParse(summary).success).toBe(true);
    });

    it('falls back to rules with needsReview when the model output is malformed', async () => {
      bedrockMock
        .on(ConverseCommand)
        .resolves(toolAnswer({ ...modelSummary, urgency: 'VERY_HIGH', crisisTypes: 'HOUSING' }));

      const summary = await new BedrockSummarizer({ modelId: MODEL, client }).summarize(transcript);

      expect(summary).toMatchObject({
        summarizer: 'rules',
        needsReview: true,
        urgency: 'HIGH',
        crisisTypes: ['HOUSING'],
      });
    });

    it('falls back to rules when the model answers in text instead of the tool', async () => {
      bedrockMock.on(ConverseCommand).resolves({
        ...toolAnswer(modelSummary),
        output: { message: { role: 'assistant', content: [{ text: '요약: 주거 위기' }] } },
      });

      const summary = await new BedrockSummarizer({ modelId: MODEL, client }).summarize(transcript);

      expect(summary.summarizer).toBe('rules');
      expect(summary.needsReview).toBe(true);
    });

    it('falls back to rules when the model times out', async () => {
      bedrockMock.on(ConverseCommand).callsFake(() => new Promise(() => {}));

      const summary = await new BedrockSummarizer({
        modelId: MODEL,
        client,
        timeoutMs: 50,
        retries: 0,
      }).summarize(transcript);

      expect(summary).toMatchObject({ summarizer: 'rules', needsReview: true });
    });

    it('retries throttling and succeeds on the second attempt', async () => {
      const throttled = Object.assign(new Error('slow down'), { name: 'ThrottlingException' });
      bedrockMock.on(ConverseCommand).rejectsOnce(throttled).resolves(toolAnswer(modelSummary));

      const summary = await new BedrockSummarizer({ modelId: MODEL, client }).summarize(transcript);

      expect(bedrockMock.commandCalls(ConverseCommand)).toHaveLength(2);
      expect(summary.summarizer).toBe(`bedrock:${MODEL}`);
    });

    it('keeps a self-harm signal the rules hear even when the model misses it', async () => {
      bedrockMock
        .on(ConverseCommand)
        .resolves(toolAnswer({ ...modelSummary, urgency: 'MEDIUM', followUp: 'PHONE_FOLLOWUP' }));
      const alarming: Transcript = {
        ...transcript,
        turns: [
          ...transcript.turns,
          { speaker: 'bot', text: '많이 힘드시겠어요.' },
          { speaker: 'resident', text: '그냥 다 그만하고 싶어요.' },
        ],
      };

      const summary = await new BedrockSummarizer({ modelId: MODEL, client }).summarize(alarming);

      expect(summary).toMatchObject({
        riskFlags: { selfHarm: true },
        urgency: 'EMERGENCY',
        followUp: 'IMMEDIATE_VISIT',
        needsReview: true,
      });
      expect(summary.crisisTypes).toContain('MENTAL_HEALTH');
    });

    it('adds the callback time (inside calling hours) to a model CALLBACK_REQUESTED outcome', async () => {
      bedrockMock.on(ConverseCommand).resolves(
        toolAnswer({
          ...modelSummary,
          outcome: 'CALLBACK_REQUESTED',
          urgency: 'LOW',
          crisisTypes: [],
          followUp: 'PHONE_FOLLOWUP',
        }),
      );
      const busy: Transcript = {
        ...transcript,
        turns: [
          transcript.turns[0] as Transcript['turns'][number],
          { speaker: 'resident', text: '지금 바빠요. 내일 오후 두 시에 다시 전화 주세요.' },
        ],
      };

      const summary = await new BedrockSummarizer({ modelId: MODEL, client }).summarize(busy, {
        now: '2025-03-04T01:00:00.000Z',
      });

      expect(summary).toMatchObject({
        outcome: 'CALLBACK_REQUESTED',
        callbackAt: '2025-03-05T05:00:00.000Z',
      });
    });

    it('does not call the model for a transcript without any resident turn', async () => {
      const summary = await new BedrockSummarizer({ modelId: MODEL, client }).summarize({
        ...transcript,
        turns: [transcript.turns[0] as Transcript['turns'][number]],
      });

      expect(bedrockMock.commandCalls(ConverseCommand)).toHaveLength(0);
      expect(summary).toMatchObject({ outcome: 'PARTIAL', needsReview: true });
    });
  });
});
