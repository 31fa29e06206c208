/**
 * One answered call between the real dialogue engine and a scripted resident (persona). The resident replies by
 * the `expecting` key of the bot's last step (`default` otherwise); lists are consumed in order per key, the last
 * repeating; null is silence; `hangUpAfter` ends the call after that many replies.
 */

import type { CallContext, DialogueStep, EmergencySignal } from '../../functions/domain/dialogue/contract.ts';
import { continueDialogue, hangUpDialogue, startDialogue } from '../../functions/domain/dialogue/engine.ts';
import type { TranscriptTurn } from '../../functions/domain/transcript.ts';
import { RuleUnderstanding } from '../../functions/domain/understanding/rules.ts';
import type { Understanding } from '../../functions/domain/understanding/understanding.ts';
import type { ConversationScript, Persona } from './persona.ts';

/** Upper bound on turns (bot + resident) in one call, so a looping script still ends. */
export const MAX_TURNS = 60;

export interface ConverseOptions {
  understanding?: Understanding;
  /** Awaited after every turn (bot and resident), e.g. to advance the clock, store the turn, raise an alert. */
  onTurn?: (
    turn: { seq: number; speaker: 'bot' | 'resident'; text: string },
    step?: DialogueStep,
  ) => void | Promise<void>;
}

export interface ConverseResult {
  turns: TranscriptTurn[];
  final: DialogueStep;
  emergency?: EmergencySignal;
  hungUp: boolean;
}

/** Picks the resident's reply for the bot's `expecting` key, consuming list entries in order. */
export function createResident(script: ConversationScript): (expecting: string) => string | null {
  const used = new Map<string, number>();
  return (expecting) => {
    const key = expecting in script ? expecting : 'default';
    const value = script[key];
    if (value === undefined) return null;
    if (!Array.isArray(value)) return value;
    const index = used.get(key) ?? 0;
    used.set(key, index + 1);
    return value[Math.min(index, value.length - 1)] ?? null;
  };
}

const KOREAN_DIGITS = ['', '일', '이', '삼', '사', '오', '육', '칠', '팔', '구'];

/** 43 → 사십삼: how older residents say a two-digit birth year. */
export function koreanTwoDigits(n: number): string {
  const tens = Math.floor(n / 10);
  return `${tens === 0 ? '' : `${tens === 1 ? '' : KOREAN_DIGITS[tens]}십`}${KOREAN_DIGITS[n % 10]}`;
}

/**
 * Personas are reusable across households, so they speak about themselves through placeholders filled from the
 * call: `{name}`, `{birthYear}` (1955), `{yy}` (55) and `{yyKo}` (오십오).
 */
export function withHouseholdFacts(script: ConversationScript, ctx: CallContext): ConversationScript {
  const year = ctx.birthYear ?? 1955;
  const facts: Record<string, string> = {
    name: ctx.residentName,
    birthYear: String(year),
    yy: String(year % 100).padStart(2, '0'),
    yyKo: koreanTwoDigits(year % 100),
  };
  const fill = (text: string | null) =>
    text === null
      ? null
      : text.replace(/\{(name|birthYear|yy|yyKo)\}/g, (_, key: string) => facts[key] as string);
  return Object.fromEntries(
    Object.entries(script).map(([key, value]) => [key, Array.isArray(value) ? value.map(fill) : fill(value)]),
  );
}

/**
 * Runs one answered call. `answeredCallIndex` picks the persona's conversation (0 for the first answered call;
 * the last conversation repeats).
 */
export async function converse(
  ctx: CallContext,
  persona: Persona,
  answeredCallIndex: number,
  options: ConverseOptions = {},
): Promise<ConverseResult> {
  const understanding = options.understanding ?? new RuleUnderstanding();
  const conversations = persona.conversations;
  const script = conversations[Math.min(answeredCallIndex, conversations.length - 1)] ?? {};
  const reply = createResident(withHouseholdFacts(script, ctx));
  const turns: TranscriptTurn[] = [];
  let emergency: EmergencySignal | undefined;

  const record = async (speaker: 'bot' | 'resident', text: string, step?: DialogueStep) => {
    turns.push({ speaker, text });
    await options.onTurn?.({ seq: turns.length - 1, speaker, text }, step);
  };

  let step = startDialogue(ctx);
  await record('bot', step.botText, step);
  let replies = 0;
  while (!step.end) {
    if (turns.length >= MAX_TURNS) {
      step = hangUpDialogue(step.state);
      return { turns, final: step, ...(emergency ? { emergency } : {}), hungUp: false };
    }
    const said = reply(step.state.expecting);
    if (said !== null) replies += 1;
    if (persona.hangUpAfter !== undefined && replies >= persona.hangUpAfter && said !== null) {
      // The resident speaks and hangs up; the engine still hears the last words (an alarming one raises the alert).
      const heard = await continueDialogue(step.state, said, understanding);
      if (heard.emergency) emergency ??= heard.emergency;
      await record('resident', said, heard.emergency ? heard : undefined);
      const final = hangUpDialogue(heard.state);
      return {
        turns,
        final: heard.emergency ? { ...final, emergency: heard.emergency } : final,
        ...(emergency ? { emergency } : {}),
        hungUp: true,
      };
    }
    if (said !== null) await record('resident', said);
    step = await continueDialogue(step.state, said, understanding);
    if (step.emergency) emergency ??= step.emergency;
    if (step.botText) await record('bot', step.botText, step);
  }
  return { turns, final: step, ...(emergency ? { emergency } : {}), hungUp: false };
}
