/**
 * The simulated phone network behind the local Amazon Connect: StartOutboundVoiceContact dials a scripted resident
 * (persona) who answers, misses, is busy or reaches voicemail; an answered call is a real consultation between the
 * dialogue engine and the persona, turn by turn in simulated time. When the call ends the network emits the same
 * "Amazon Connect Contact Event" that EventBridge delivers in the cloud, into the real handle-contact-event handler.
 */

import { type CallingWindowConfig, isInsideCallingWindow } from '../../functions/domain/calling-window.ts';
import { ATTR } from '../../functions/domain/contact-attributes.ts';
import type { EmergencySignal } from '../../functions/domain/dialogue/contract.ts';
import type { VirtualClock } from '../clock/virtual-clock.ts';
import type { Persona, Pickup } from './persona.ts';

export interface SimulatedContact {
  contactId: string;
  phone: string;
  attributes: Record<string, string>;
  persona: Persona;
  pickup: Pickup;
  initiatedAt: Date;
  connectedAt?: Date;
  disconnectedAt?: Date;
  disconnectReason?: string;
}

export interface PhoneNetworkHooks {
  /** Plays one answered consultation; returns whether nobody spoke and whether the resident opted out. */
  converse(
    contact: SimulatedContact,
    answeredCallIndex: number,
    onEmergency: (signal: EmergencySignal) => Promise<void>,
  ): Promise<{ noResponse: boolean; optOut: boolean }>;
  /** Delivers the contact event to the call-events handler (the real one). */
  deliverContactEvent(event: unknown): Promise<void>;
  /** Raises the mid-call emergency alert (the real SNS publish path). */
  raiseAlert(contact: SimulatedContact, signal: EmergencySignal): Promise<void>;
}

export interface NetworkStats {
  calls: number;
  answered: number;
  maxConcurrentCalls: number;
  callsOutsideHours: number;
  emergenciesMidCall: number;
}

const INSTANCE_ARN = 'arn:aws:connect:ap-northeast-2:000000000000:instance/local-instance';

/** Seconds a phone rings before the network gives up (Connect's default outbound ring timeout is about 60 s). */
const RING_SECONDS: Record<Pickup, number> = { ANSWER: 12, NO_ANSWER: 60, BUSY: 3, VOICEMAIL: 25, FAILED: 2 };
const DISCONNECT_REASON: Record<Pickup, string> = {
  ANSWER: 'CUSTOMER_DISCONNECT',
  NO_ANSWER: 'TELECOM_UNANSWERED',
  BUSY: 'TELECOM_BUSY',
  VOICEMAIL: 'CONTACT_FLOW_DISCONNECT',
  FAILED: 'TELECOM_PROBLEM',
};

export class PhoneNetwork {
  readonly contacts = new Map<string, SimulatedContact>();
  readonly stats: NetworkStats = {
    calls: 0,
    answered: 0,
    maxConcurrentCalls: 0,
    callsOutsideHours: 0,
    emergenciesMidCall: 0,
  };
  private activeCalls = 0;
  private readonly dialsByPhone = new Map<string, number>();
  private readonly answersByPhone = new Map<string, number>();

  constructor(
    private readonly clock: VirtualClock,
    private readonly personaFor: (phone: string, householdId: string) => Persona,
    private readonly hooks: PhoneNetworkHooks,
    private readonly callingWindow: CallingWindowConfig,
  ) {}

  /** Connect StartOutboundVoiceContact. */
  startOutboundVoiceContact(input: Record<string, unknown>): { ContactId: string } {
    const phone = String(input.DestinationPhoneNumber ?? '');
    const attributes = { ...((input.Attributes ?? {}) as Record<string, string>) };
    if (!/^\+\d{8,15}$/.test(phone)) throw new Error(`DestinationPhoneNumber "${phone}" is not E.164`);
    const now = this.clock.now();
    this.stats.calls++;
    if (!isInsideCallingWindow(now, this.callingWindow)) this.stats.callsOutsideHours++;
    const dialIndex = this.dialsByPhone.get(phone) ?? 0;
    this.dialsByPhone.set(phone, dialIndex + 1);
    const persona = this.personaFor(phone, attributes[ATTR.householdId] ?? '');
    const pickup = persona.pickup[Math.min(dialIndex, persona.pickup.length - 1)] as Pickup;
    const contactId = `sim-${String(this.stats.calls).padStart(6, '0')}`;
    const contact: SimulatedContact = { contactId, phone, attributes, persona, pickup, initiatedAt: now };
    this.contacts.set(contactId, contact);
    this.activeCalls++;
    this.stats.maxConcurrentCalls = Math.max(this.stats.maxConcurrentCalls, this.activeCalls);
    // The call runs as its own activity on the virtual clock, after StartOutboundVoiceContact has returned.
    void this.clock.run(() => this.playCall(contact));
    return { ContactId: contactId };
  }

  /** Connect GetContactAttributes. */
  getContactAttributes(input: Record<string, unknown>): { Attributes: Record<string, string> } {
    return { Attributes: this.contactOf(input.InitialContactId).attributes };
  }

  /** Connect DescribeContact. */
  describeContact(input: Record<string, unknown>) {
    const contact = this.contactOf(input.ContactId);
    return {
      Contact: {
        Id: contact.contactId,
        Channel: 'VOICE',
        InitiationMethod: 'API',
        InitiationTimestamp: contact.initiatedAt,
        ConnectedToSystemTimestamp: contact.connectedAt,
        DisconnectTimestamp: contact.disconnectedAt,
        DisconnectReason: contact.disconnectReason,
      },
    };
  }

  private contactOf(id: unknown): SimulatedContact {
    const contact = this.contacts.get(String(id));
    if (!contact) throw new Error(`Contact ${String(id)} does not exist`);
    return contact;
  }

  private async playCall(contact: SimulatedContact): Promise<void> {
    try {
      await this.clock.sleep(RING_SECONDS[contact.pickup] * 1000);
      if (contact.pickup === 'ANSWER' || contact.pickup === 'VOICEMAIL') {
        contact.connectedAt = this.clock.now();
        const answeredIndex = this.answersByPhone.get(contact.phone) ?? 0;
        const persona =
          contact.pickup === 'VOICEMAIL'
            ? { ...contact.persona, conversations: [{ default: null }] }
            : contact.persona;
        if (contact.pickup === 'ANSWER') {
          this.answersByPhone.set(contact.phone, answeredIndex + 1);
          this.stats.answered++;
        }
        const heard = await this.hooks.converse({ ...contact, persona }, answeredIndex, async (signal) => {
          this.stats.emergenciesMidCall++;
          await this.hooks.raiseAlert(contact, signal);
        });
        if (heard.noResponse) contact.attributes[ATTR.noResponse] = 'true';
        if (heard.optOut) contact.attributes[ATTR.optOut] = 'true';
      }
      contact.disconnectReason = DISCONNECT_REASON[contact.pickup];
    } catch (error) {
      contact.disconnectReason = 'OTHER';
      process.stderr.write(`simulated call ${contact.contactId} failed: ${(error as Error).message}\n`);
    } finally {
      contact.disconnectedAt = this.clock.now();
      this.activeCalls--;
    }
    await this.hooks.deliverContactEvent({
      version: '0',
      id: `event-${contact.contactId}`,
      'detail-type': 'Amazon Connect Contact Event',
      source: 'aws.connect',
      account: '000000000000',
      time: contact.disconnectedAt.toISOString(),
      region: 'ap-northeast-2',
      resources: [`${INSTANCE_ARN}/contact/${contact.contactId}`, INSTANCE_ARN],
      detail: {
        eventType: 'DISCONNECTED',
        contactId: contact.contactId,
        initialContactId: contact.contactId,
        channel: 'VOICE',
        instanceArn: INSTANCE_ARN,
        initiationMethod: 'API',
        disconnectTimestamp: contact.disconnectedAt.toISOString(),
      },
    });
  }
}
