/**
 * Assembles the local runtime: environment for the real handlers, the virtual clock, the simulated Connect and
 * SNS behind the handlers' own SDK clients, and the household workflow on the real ASL file.
 */
import { join } from 'node:path';
import { PublishCommand } from '@aws-sdk/client-sns';
import { ATTR, callContextFromAttributes } from '../functions/domain/contact-attributes.ts';
import type { EmergencySignal } from '../functions/domain/dialogue/contract.ts';
import type { TurnRecord } from '../functions/shared/transcript-repository.ts';
import { interceptClient } from './aws-sim/intercept.ts';
import { Outbox } from './aws-sim/outbox.ts';
import { TaskTokens } from './aws-sim/task-tokens.ts';
import { VirtualClock } from './clock/virtual-clock.ts';
import { type MessagePortRequestHandler, useRequestHandler } from './dynamodb/local-dynamodb.ts';
import { PhoneNetwork, type SimulatedContact } from './phone-network/network.ts';
import type { Persona } from './phone-network/persona.ts';
import { seededRandom } from './seeded-random.ts';
import { HouseholdWorkflow } from './workflow/household-workflow.ts';

export const LOCAL_ALERT_TOPIC_ARN = 'arn:aws:sns:ap-northeast-2:000000000000:wfc-emergency-alerts';

export interface LocalRuntimeOptions {
  /** Simulated start time. */
  now: Date;
  seed: number;
  callSlots: number;
  /** Table env vars from `ensureTables`, already applied to process.env by `useLocalDynamoDbEnvironment`. */
  tables: Record<string, string>;
  personaFor: (householdId: string) => Persona;
  /** Where to append SMS and alerts (JSON lines); memory only when omitted. */
  outboxFile?: string;
  /** Carries DynamoDB requests to the embedded server without a socket (see local-dynamodb.ts). */
  dynamoDbRequestHandler?: MessagePortRequestHandler;
  /** Wake-ups this close are served together (see VirtualClock). @default 0 */
  clockResolutionMs?: number;
  /** Extra settings env (MAX_CALL_ATTEMPTS, CALLING_HOURS, …). */
  settingsEnv?: Record<string, string>;
}

export interface LocalRuntime {
  clock: VirtualClock;
  outbox: Outbox;
  network: PhoneNetwork;
  workflow: HouseholdWorkflow;
  dispose(): void;
}

/**
 * Sets the handlers' environment (before they are first imported), installs the virtual clock and the simulators.
 * Handlers read their settings once per process, like a Lambda container: one runtime per process.
 */
export async function createLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  Object.assign(process.env, {
    CALL_SLOTS: String(options.callSlots),
    CONNECT_INSTANCE_ID: 'local-instance',
    CONNECT_CONTACT_FLOW_ID: 'local-consultation-flow',
    CONNECT_SOURCE_PHONE_NUMBER: '+8225550100',
    ALERT_TOPIC_ARN: LOCAL_ALERT_TOPIC_ARN,
    SUMMARIZER: 'rules',
    POWERTOOLS_LOG_LEVEL: process.env.WFC_DEBUG ? 'DEBUG' : 'SILENT',
    ...options.settingsEnv,
  });
  const clock = new VirtualClock(options.now, options.clockResolutionMs ?? 0);
  clock.install();
  const clients = await import('../functions/shared/clients.ts');
  if (options.dynamoDbRequestHandler) useRequestHandler(clients.dynamoDb, options.dynamoDbRequestHandler);
  const { appendTurns } = await import('../functions/shared/transcript-repository.ts');
  const { recordOptOut } = await import('../functions/shared/case-repository.ts');
  const { converse } = await import('./phone-network/converse.ts');
  const { callingWindowFrom } = await import('../functions/shared/calling-config.ts');
  const { readWorkflowSettings } = await import('../functions/shared/settings.ts');
  const settings = readWorkflowSettings();
  const outbox = new Outbox(options.outboxFile);
  const tokens = new TaskTokens();
  const contactEvents = import('../functions/handle-contact-event/handler.ts');

  const network = new PhoneNetwork(
    clock,
    (_phone, householdId) => options.personaFor(householdId),
    {
      async converse(contact: SimulatedContact, answeredIndex, onEmergency) {
        const ctx = callContextFromAttributes(contact.contactId, contact.attributes, clock.now());
        const caseId = contact.attributes[ATTR.caseId];
        const turns: TurnRecord[] = [];
        // The conversation is computed turn by turn but the clock moves once per call (and once more at an
        // emergency): thousands of per-turn wake-ups would serialize the whole campaign on them.
        const connectedAt = clock.nowMs();
        let offsetMs = 0;
        const result = await converse(ctx, contact.persona, answeredIndex, {
          onTurn: async (turn, step) => {
            // About 7 Korean syllables a second, plus a pause between speakers.
            offsetMs += (1.5 + turn.text.length / 7) * 1000;
            turns.push({
              contactId: contact.contactId,
              seq: turn.seq,
              speaker: turn.speaker,
              text: turn.text,
              at: new Date(connectedAt + offsetMs).toISOString(),
              caseId,
            });
            // The alert goes out on the turn it is heard, with what was said so far already stored.
            if (step?.emergency) {
              await clock.sleepUntil(connectedAt + offsetMs);
              await appendTurns(turns.splice(0));
              await onEmergency(step.emergency);
            }
          },
        });
        await clock.sleepUntil(connectedAt + offsetMs);
        // The cloud code hook stores every turn as it goes; the simulator stores the call's turns in batches.
        await appendTurns(turns);
        if (result.final.optOut) {
          await recordOptOut({
            districtCode: contact.attributes[ATTR.districtCode] ?? '',
            householdId: contact.attributes[ATTR.householdId] ?? '',
            caseId: caseId ?? '',
            now: clock.now(),
          });
        }
        return { noResponse: Boolean(result.final.noResponse), optOut: Boolean(result.final.optOut) };
      },
      async deliverContactEvent(event) {
        const { handler } = await contactEvents;
        await handler(event as never, {} as never);
      },
      async raiseAlert(contact: SimulatedContact, signal: EmergencySignal) {
        await clients.sns.send(
          new PublishCommand({
            TopicArn: LOCAL_ALERT_TOPIC_ARN,
            Subject: '[긴급] 상담 통화 중 위기 신호',
            Message: `상담 통화 중 ${signal.kind === 'SELF_HARM' ? '자해·자살 위험' : '안전 위협'} 신호가 확인되었습니다. 사례번호 ${contact.attributes[ATTR.caseId]}. 안내한 전화: ${signal.hotline}`,
            MessageAttributes: {
              districtCode: { DataType: 'String', StringValue: contact.attributes[ATTR.districtCode] ?? '' },
              urgency: { DataType: 'String', StringValue: 'EMERGENCY' },
            },
          }),
        );
      },
    },
    callingWindowFrom(settings),
  );

  interceptClient(clients.connect, 'connect', {
    StartOutboundVoiceContactCommand: (input) => network.startOutboundVoiceContact(input),
    GetContactAttributesCommand: (input) => network.getContactAttributes(input),
    DescribeContactCommand: (input) => network.describeContact(input),
  });
  interceptClient(clients.sns, 'sns', { PublishCommand: (input) => outbox.publish(input, clock.now()) });
  interceptClient(clients.sfn, 'sfn', {
    SendTaskSuccessCommand: (input) => tokens.sendTaskSuccess(input),
    SendTaskFailureCommand: (input) => tokens.sendTaskFailure(input),
  });

  const casesTableName = options.tables.CASES_TABLE_NAME;
  if (!casesTableName) throw new Error('CASES_TABLE_NAME missing from the local tables');
  const workflow = new HouseholdWorkflow({
    clock,
    tokens,
    casesTableName,
    alertTopicArn: LOCAL_ALERT_TOPIC_ARN,
    sns: clients.sns,
    dynamoDbRequestHandler: options.dynamoDbRequestHandler,
    random: seededRandom(options.seed ^ 0x5eed),
  });
  return { clock, outbox, network, workflow, dispose: () => clock.uninstall() };
}

export const outboxPath = (dataDir: string) => join(dataDir, 'outbox.jsonl');
