/**
 * The dialogue engine's contract, shared by the Lex V2 code hook (cloud) and the simulated phone network (local).
 * The engine is pure: it turns (state, what the resident said) into (new state, what the bot says next).
 * Its state is plain JSON and small, because Lex keeps it in session attributes between turns.
 */
import type { ConsultationOutcome, CrisisType } from '../consultation-summary.ts';

/** What a call needs to know about the household and the office before the first word. */
export interface CallContext {
  contactId: string;
  residentName: string;
  birthYear?: number;
  /** e.g. 한빛구청 */
  officeName: string;
  /** The office number residents can call back, as printed in the SMS pre-notice. */
  officePhone: string;
  /** The 4-digit code sent in the SMS pre-notice; the bot says it first. */
  verificationCode: string;
  /** Risk flags from the list (e.g. 단전, 건강보험료체납): steer which questions come first. */
  riskFlags: string[];
  /** Current time, ISO with offset; used to resolve "내일 오후 세 시" into a timestamp. */
  now: string;
}

/**
 * What the bot is waiting for after its last prompt. Scripted residents in the simulator answer by this key,
 * so it is part of the contract.
 */
export type Expecting =
  | 'IDENTITY'
  | 'CONSENT'
  | CrisisType
  | 'ANYTHING_ELSE'
  | 'FOLLOW_UP_PREFERENCE'
  | 'READBACK'
  | 'CALLBACK_TIME'
  | 'SAFETY'
  | 'NONE';

export interface EmergencySignal {
  kind: 'SELF_HARM' | 'DANGER';
  /** What the resident said that raised it. */
  utterance: string;
  /** Which hotline the bot offered: 109 자살예방상담전화, 112, 119. */
  hotline: '109' | '112' | '119';
}

/** Serializable engine state; the engine owns its shape beyond these fields. */
export interface DialogueState {
  expecting: Expecting;
  turn: number;
  ended: boolean;
  [key: string]: unknown;
}

export interface DialogueStep {
  state: DialogueState;
  /** What the bot says now (Korean). */
  botText: string;
  /** True when the bot has said goodbye and the call should be disconnected. */
  end: boolean;
  /** Set on the very turn a self-harm or danger signal is heard: raise the alert now, not at the end. */
  emergency?: EmergencySignal;
  /** Set when the call ends for a reason the workflow must act on. */
  outcome?: ConsultationOutcome;
  /** With outcome CALLBACK_REQUESTED: when to call back (ISO, inside calling hours). */
  callbackAt?: string;
  /** The resident asked never to be called again (다시는 전화하지 마세요). */
  optOut?: boolean;
  /** No response to the greeting: treat the call as a voicemail / no response. */
  noResponse?: boolean;
}
