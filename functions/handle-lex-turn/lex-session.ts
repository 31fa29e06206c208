/**
 * Lex V2 code hook glue: reading the call context and engine state from the event, and building Lex V2
 * responses (ElicitIntent while the dialogue goes on, Close when it ends).
 *
 * Where the call context comes from: the Connect contact flow's "Get customer input" block passes the contact
 * attributes set by start-call (`wfc*`, see functions/domain/contact-attributes.ts) and `wfcContactId`
 * (= $.ContactId) as Lex **session attributes**; they come back in `sessionState.sessionAttributes` on every
 * turn. `requestAttributes` are read as a fallback for the same keys (Connect can send either). The engine state
 * lives in the session attribute `wfcState` (JSON), the next transcript seq in `wfcSeq`; when the dialogue
 * ends, `wfcOutcome`, `wfcCallbackAt`, `wfcOptOut`, `wfcNoResponse` and `wfcEmergency` tell the contact flow
 * (and handle-contact-event) how the call went.
 */
import type { LexV2Event, LexV2Result } from 'aws-lambda';
import { ATTR, callContextFromAttributes } from '../domain/contact-attributes.ts';
import type { CallContext, DialogueState, DialogueStep } from '../domain/dialogue/contract.ts';

export const SESSION = {
  contactId: 'wfcContactId',
  state: 'wfcState',
  seq: 'wfcSeq',
  outcome: 'wfcOutcome',
  callbackAt: 'wfcCallbackAt',
  optOut: ATTR.optOut,
  noResponse: ATTR.noResponse,
  emergency: 'wfcEmergency',
} as const;

/** The merged string attributes of a turn: session attributes win over request attributes. */
export function attributesOf(event: LexV2Event): Record<string, string> {
  return { ...(event.requestAttributes ?? {}), ...(event.sessionState.sessionAttributes ?? {}) };
}

export function contactIdOf(event: LexV2Event): string {
  return attributesOf(event)[SESSION.contactId] || event.sessionId;
}

export function callContextOf(event: LexV2Event, now: Date): CallContext {
  return callContextFromAttributes(contactIdOf(event), attributesOf(event), now);
}

/** The engine state kept in session attributes, or undefined on the first turn. */
export function stateOf(event: LexV2Event): { state: DialogueState; seq: number } | undefined {
  const attributes = attributesOf(event);
  const raw = attributes[SESSION.state];
  if (!raw) return undefined;
  try {
    const state = JSON.parse(raw) as DialogueState;
    const seq = Number(attributes[SESSION.seq] ?? '0');
    return { state, seq: Number.isInteger(seq) ? seq : 0 };
  } catch {
    return undefined;
  }
}

/** What the resident said this turn; null for no input (timeout / silence). */
export function utteranceOf(event: LexV2Event): string | null {
  const text = (event.inputTranscript ?? '').trim();
  return text === '' ? null : text;
}

/** SSML when the resident asked to slow down, plain text otherwise. */
function message(text: string, slow: boolean): NonNullable<LexV2Result['messages']>[number] {
  if (!slow) return { contentType: 'PlainText', content: text };
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return { contentType: 'SSML', content: `<speak><prosody rate="slow">${escaped}</prosody></speak>` };
}

/**
 * The Lex V2 response for an engine step: ElicitIntent (keep listening) with the state in session
 * attributes, or Close with the outcome attributes when the dialogue ended.
 */
export function lexResponse(event: LexV2Event, step: DialogueStep, nextSeq: number): LexV2Result {
  const sessionAttributes: Record<string, string> = {
    ...(event.sessionState.sessionAttributes ?? {}),
    [SESSION.contactId]: contactIdOf(event),
    [SESSION.state]: JSON.stringify(step.state),
    [SESSION.seq]: String(nextSeq),
  };
  if (step.emergency) sessionAttributes[SESSION.emergency] = step.emergency.kind;
  const messages = step.botText ? [message(step.botText, step.state.slow === true)] : [];
  if (!step.end) {
    return { sessionState: { sessionAttributes, dialogAction: { type: 'ElicitIntent' } }, messages };
  }
  if (step.outcome) sessionAttributes[SESSION.outcome] = step.outcome;
  if (step.callbackAt) sessionAttributes[SESSION.callbackAt] = step.callbackAt;
  if (step.optOut) sessionAttributes[SESSION.optOut] = 'true';
  if (step.noResponse) sessionAttributes[SESSION.noResponse] = 'true';
  return {
    sessionState: {
      sessionAttributes,
      dialogAction: { type: 'Close' },
      intent: { name: event.sessionState.intent?.name ?? 'FallbackIntent', state: 'Fulfilled' },
    },
    messages,
  };
}
