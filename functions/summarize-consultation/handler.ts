/**
 * Summarizes one consultation: `{ contactId }` → transcript from the Transcripts table → the summarizer chosen
 * by env `SUMMARIZER` (`rules`, default, or `bedrock` with `BEDROCK_MODEL_ID`) → the ConsultationSummary
 * (contract 3.3). The Bedrock path falls back to rules (needsReview) on its own; this handler only fails when
 * the transcript cannot be read.
 */

import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import middy from '@middy/core';
import type { ConsultationSummary } from '../domain/consultation-summary.ts';
import { summarizeWithRules } from '../domain/summary/rules-summarizer.ts';
import { BedrockSummarizer } from '../shared/bedrock/bedrock-summarizer.ts';
import { optionalEnv, requireEnv } from '../shared/env.ts';
import { loadTranscript } from '../shared/transcript-repository.ts';

export interface SummarizeEvent {
  contactId: string;
  /** Reference time for callback expressions (ISO); the workflow passes the call's end. */
  now?: string;
}

export interface SummarizeDependencies {
  dynamoDb?: DynamoDBDocumentClient;
  bedrockClient?: BedrockRuntimeClient;
}

/** Bad input from the workflow: no contactId. */
export class InvalidSummarizeEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidSummarizeEventError';
  }
}

/** The handler's logic, with injectable clients. */
export async function summarizeConsultation(
  event: SummarizeEvent,
  deps: SummarizeDependencies = {},
): Promise<ConsultationSummary> {
  if (!event || typeof event.contactId !== 'string' || event.contactId === '') {
    throw new InvalidSummarizeEventError('contactId is required');
  }
  const transcript = await loadTranscript(event.contactId, deps.dynamoDb ? { client: deps.dynamoDb } : {});
  const options = event.now ? { now: event.now } : {};
  const kind = optionalEnv('SUMMARIZER', 'rules');
  if (kind === 'bedrock') {
    const summarizer = new BedrockSummarizer({
      modelId: requireEnv('BEDROCK_MODEL_ID'),
      ...(deps.bedrockClient ? { client: deps.bedrockClient } : {}),
    });
    return summarizer.summarize(transcript, options);
  }
  return summarizeWithRules(transcript, options);
}

export const handler = middy<SummarizeEvent, ConsultationSummary>().handler((event) =>
  summarizeConsultation(event),
);
