/**
 * Places the outbound consultation call through Amazon Connect. The workflow waits on the task token carried in
 * the contact attributes until handle-contact-event reports how the call ended.
 */
import { createHash } from 'node:crypto';
import { StartOutboundVoiceContactCommand } from '@aws-sdk/client-connect';
import { callAttributes } from '../domain/contact-attributes.ts';
import { districtFor } from '../domain/district-directory.ts';
import { markCalling } from '../shared/case-repository.ts';
import { connect } from '../shared/clients.ts';
import { optionalEnv, requireEnv } from '../shared/env.ts';
import { logger, workflowHandler } from '../shared/log.ts';
import { readWorkflowSettings } from '../shared/settings.ts';

export interface StartCallEvent {
  caseId: string;
  taskToken: string;
}

export interface StartCallResult {
  contactId: string;
}

const settings = readWorkflowSettings();
const connectConfig = {
  instanceId: requireEnv('CONNECT_INSTANCE_ID'),
  contactFlowId: requireEnv('CONNECT_CONTACT_FLOW_ID'),
  sourcePhoneNumber: requireEnv('CONNECT_SOURCE_PHONE_NUMBER'),
  queueId: optionalEnv('CONNECT_QUEUE_ID', ''),
};

export async function startCall(
  event: StartCallEvent,
  client = connect,
  now = new Date(),
): Promise<StartCallResult> {
  const record = await markCalling(event.caseId, now);
  const district = districtFor(record.districtCode, settings.districts);
  // Same case + same attempt number → same token: a retried Lambda cannot dial the household twice.
  const clientToken = createHash('sha256').update(`${event.caseId}#${record.attempts.length}`).digest('hex');
  const response = await client.send(
    new StartOutboundVoiceContactCommand({
      InstanceId: connectConfig.instanceId,
      ContactFlowId: connectConfig.contactFlowId,
      DestinationPhoneNumber: record.phone,
      SourcePhoneNumber: connectConfig.sourcePhoneNumber,
      ...(connectConfig.queueId ? { QueueId: connectConfig.queueId } : {}),
      ClientToken: clientToken,
      TrafficType: 'GENERAL',
      Attributes: callAttributes({
        taskToken: event.taskToken,
        caseId: record.caseId,
        householdId: record.householdId,
        districtCode: record.districtCode,
        residentName: record.name,
        birthYear: record.birthYear,
        officeName: district.officeName,
        officePhone: district.officePhone,
        verificationCode: record.verificationCode,
        riskFlags: record.riskFlags,
      }),
    }),
  );
  const contactId = response.ContactId;
  if (!contactId) throw new Error('StartOutboundVoiceContact returned no ContactId');
  logger.info('call started', { caseId: event.caseId, contactId, attempt: record.attempts.length + 1 });
  return { contactId };
}

export const handler = workflowHandler((event: StartCallEvent) => startCall(event));
