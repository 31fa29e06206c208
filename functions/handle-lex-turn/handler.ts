/**
 * Lex V2 code hook (DialogCodeHook) of the consultation bot: each resident turn goes through the dialogue
 * engine; both turns are written to the Transcripts table as they happen, and an emergency is published to the
 * alert topic on the very turn it is heard (not at the end of the call). See lex-session.ts for where the call
 * context and the engine state live.
 */
import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import middy from '@middy/core';
import type { LexV2Event, LexV2Result } from 'aws-lambda';
import { ATTR } from '../domain/contact-attributes.ts';
import type { DialogueStep, EmergencySignal } from '../domain/dialogue/contract.ts';
import { continueDialogue, startDialogue } from '../domain/dialogue/engine.ts';
import { RuleUnderstanding } from '../domain/understanding/rules.ts';
import type { Understanding } from '../domain/understanding/understanding.ts';
import { BedrockUnderstanding } from '../shared/bedrock/bedrock-understanding.ts';
import { sns as defaultSns } from '../shared/clients.ts';
import { optionalEnv, requireEnv } from '../shared/env.ts';
import { appendTurn } from '../shared/transcript-repository.ts';
import {
  attributesOf,
  callContextOf,
  contactIdOf,
  lexResponse,
  stateOf,
  utteranceOf,
} from './lex-session.ts';

export interface LexTurnDependencies {
  dynamoDb?: DynamoDBDocumentClient;
  sns?: SNSClient;
  bedrockClient?: BedrockRuntimeClient;
  understanding?: Understanding;
  now?: () => Date;
}

/** `UNDERSTANDING=bedrock` (with BEDROCK_MODEL_ID) or `rules` (default when no model is configured). */
function understandingFromEnv(bedrockClient?: BedrockRuntimeClient): Understanding {
  const modelId = optionalEnv('BEDROCK_MODEL_ID', '');
  const kind = optionalEnv('UNDERSTANDING', modelId ? 'bedrock' : 'rules');
  if (kind === 'bedrock') {
    return new BedrockUnderstanding({
      modelId: requireEnv('BEDROCK_MODEL_ID'),
      ...(bedrockClient ? { client: bedrockClient } : {}),
    });
  }
  return new RuleUnderstanding();
}

/** Publishes the emergency alert to the district's topic (filterable by districtCode). */
export async function publishEmergency(
  signal: EmergencySignal,
  details: { contactId: string; caseId?: string; districtCode: string; at: string },
  client: SNSClient = defaultSns,
): Promise<void> {
  const label = signal.kind === 'SELF_HARM' ? '자살·자해 위험 신호' : '즉각적인 위험 신호';
  await client.send(
    new PublishCommand({
      TopicArn: requireEnv('ALERT_TOPIC_ARN'),
      Subject: `[긴급] 위기가구 상담 중 ${label}`,
      Message: JSON.stringify({
        type: 'EMERGENCY',
        kind: signal.kind,
        hotline: signal.hotline,
        contactId: details.contactId,
        ...(details.caseId ? { caseId: details.caseId } : {}),
        districtCode: details.districtCode,
        at: details.at,
        message: `상담 중 ${label}가 확인되어 ${signal.hotline} 안내를 했습니다. 즉시 사례를 확인하고 방문해 주세요.`,
      }),
      MessageAttributes: {
        districtCode: { DataType: 'String', StringValue: details.districtCode },
        kind: { DataType: 'String', StringValue: signal.kind },
      },
    }),
  );
}

/** One Lex turn, with injectable clients. */
export async function handleLexTurn(event: LexV2Event, deps: LexTurnDependencies = {}): Promise<LexV2Result> {
  const now = deps.now?.() ?? new Date();
  const at = now.toISOString();
  const contactId = contactIdOf(event);
  const attributes = attributesOf(event);
  const caseId = attributes[ATTR.caseId];
  const repo = deps.dynamoDb ? { client: deps.dynamoDb } : {};
  const write = (seq: number, speaker: 'bot' | 'resident', text: string) =>
    appendTurn({ contactId, seq, speaker, text, at, ...(caseId ? { caseId } : {}) }, repo);

  const previous = stateOf(event);
  let step: DialogueStep;
  let seq: number;
  if (!previous) {
    // First turn: whatever was heard before the greeting ("여보세요") is not part of the consultation.
    step = startDialogue(callContextOf(event, now));
    seq = 0;
  } else {
    const utterance = utteranceOf(event);
    const understanding = deps.understanding ?? understandingFromEnv(deps.bedrockClient);
    step = await continueDialogue(previous.state, utterance, understanding);
    seq = previous.seq;
    if (utterance !== null) await write(seq++, 'resident', utterance);
  }
  if (step.emergency) {
    await publishEmergency(
      step.emergency,
      { contactId, ...(caseId ? { caseId } : {}), districtCode: attributes[ATTR.districtCode] ?? '', at },
      deps.sns,
    );
  }
  if (step.botText) await write(seq++, 'bot', step.botText);
  return lexResponse(event, step, seq);
}

export const handler = middy<LexV2Event, LexV2Result>().handler((event) => handleLexTurn(event));
