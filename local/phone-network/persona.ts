/**
 * A scripted resident for the simulated phone network. Personas are plain JSON (samples/personas.json,
 * `wfc call <persona.json>`), so non-developers can write new ones.
 */
import { z } from 'zod';

export const PICKUPS = ['ANSWER', 'NO_ANSWER', 'BUSY', 'VOICEMAIL', 'FAILED'] as const;
export type Pickup = (typeof PICKUPS)[number];

/**
 * What the resident says, keyed by what the bot is expecting (see `Expecting` in the dialogue contract), plus
 * `default` for anything else. A list is consumed in order when the same key is asked again; the last repeats.
 * `null` means silence (no input).
 */
const ReplyValue = z.union([z.string(), z.null(), z.array(z.union([z.string(), z.null()])).min(1)]);
export const ConversationScriptSchema = z.record(z.string(), ReplyValue);

export const PersonaSchema = z.object({
  id: z.string().min(1),
  /** One line, for people reading the sample: e.g. "홀몸 어르신, 두 번 안 받고 세 번째에 받음". */
  label: z.string().default(''),
  /** What happens on each call attempt, in order; the last entry repeats. */
  pickup: z.array(z.enum(PICKUPS)).min(1).default(['ANSWER']),
  /** One script per answered call, in order; the last repeats (e.g. a callback request, then the consultation). */
  conversations: z.array(ConversationScriptSchema).min(1),
  /** Resident's turn ends the call (hang-up) after this many replies in a call; PARTIAL. */
  hangUpAfter: z.number().int().positive().optional(),
  /** Optional household facts for `wfc call` when no list row is given. */
  household: z
    .object({
      name: z.string(),
      birthYear: z.number().int().optional(),
      riskFlags: z.array(z.string()).default([]),
      districtCode: z.string().default('11680'),
    })
    .optional(),
});

export type ConversationScript = z.infer<typeof ConversationScriptSchema>;
export type Persona = z.infer<typeof PersonaSchema>;
