import {
  BedrockRuntimeClient,
  ConverseCommand,
  type ConverseCommandOutput,
} from '@aws-sdk/client-bedrock-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BedrockUnderstanding,
  UNDERSTANDING_SYSTEM_PROMPT,
  UNDERSTANDING_TOOL,
} from '../../../../functions/shared/bedrock/bedrock-understanding.ts';

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
const client = new BedrockRuntimeClient({ region: 'ap-northeast-2' });
const bedrockMock = mockClient(client);
const context = { expecting: 'INCOME' as const, botText: '요즘 수입이 줄거나 끊겨서 생활비가 부족하신가요?' };

const answer = (input: unknown): ConverseCommandOutput => ({
  output: {
    message: {
      role: 'assistant',
      content: [{ toolUse: { toolUseId: 't', name: UNDERSTANDING_TOOL, input: input as never } }],
    },
  },
  stopReason: 'tool_use',
  usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 },
  metrics: { latencyMs: 1 },
  $metadata: {},
});

const nothing = {
  crises: [],
  high: [],
  selfHarm: false,
  foodEmergency: false,
  danger: 'NONE',
  affirm: false,
  deny: false,
  refuse: false,
  wrongPerson: false,
  optOut: false,
  scam: false,
  repeat: false,
  slower: false,
  hangUp: false,
  callback: false,
  visitRequest: false,
  phoneRequest: false,
  noFollowUp: false,
  codeMismatch: false,
  birthYear: null,
};

afterEach(() => bedrockMock.reset());

describe('Class: BedrockUnderstanding', () => {
  it('asks the model through the analysis tool at temperature 0 and returns its analysis', async () => {
    // Prepare
    bedrockMock.on(ConverseCommand).resolves(answer({ ...nothing, crises: ['INCOME'], affirm: true }));

    // Act
    const result = await new BedrockUnderstanding({ modelId: MODEL, client }).understand(
      '예, 벌이가 영 시원찮아유',
      context,
    );

    // Assess
    const input = bedrockMock.commandCalls(ConverseCommand)[0]?.args[0].input;
    expect(input?.modelId).toBe(MODEL);
    expect(input?.inferenceConfig?.temperature).toBe(0);
    expect(input?.system).toEqual([{ text: UNDERSTANDING_SYSTEM_PROMPT }]);
    expect(input?.toolConfig?.toolChoice).toEqual({ tool: { name: UNDERSTANDING_TOOL } });
    expect(input?.messages?.[0]?.content?.[0]?.text).toContain('주민의 말: 예, 벌이가 영 시원찮아유');
    expect(result.crises).toEqual(['INCOME']);
    expect(result.affirm).toBe(true);
    expect(result.birthYear).toBeUndefined();
  });

  it('never drops a self-harm signal the rules hear', async () => {
    bedrockMock.on(ConverseCommand).resolves(answer(nothing));

    const result = await new BedrockUnderstanding({ modelId: MODEL, client }).understand(
      '다 그만하고 싶어요',
      context,
    );

    expect(result.selfHarm).toBe(true);
    expect(result.crises).toContain('MENTAL_HEALTH');
  });

  it('falls back to the rules on malformed output', async () => {
    bedrockMock.on(ConverseCommand).resolves(answer({ crises: 'INCOME' }));

    const result = await new BedrockUnderstanding({ modelId: MODEL, client }).understand(
      '네, 수입이 반으로 줄었어요',
      context,
    );

    expect(result.crises).toEqual(['INCOME']);
  });

  it('falls back to the rules on timeout without keeping the resident waiting', async () => {
    bedrockMock.on(ConverseCommand).callsFake(() => new Promise(() => {}));
    const started = Date.now();

    const result = await new BedrockUnderstanding({
      modelId: MODEL,
      client,
      timeoutMs: 50,
      retries: 0,
    }).understand('다시는 전화하지 마세요', context);

    expect(Date.now() - started).toBeLessThan(1000);
    expect(result.optOut).toBe(true);
  });
});
