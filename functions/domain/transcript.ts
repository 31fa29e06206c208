import { z } from 'zod';

/** Transcript of one call, DESIGN §3.2 (contract). */
export const TranscriptTurnSchema = z.object({
  speaker: z.enum(['bot', 'resident']),
  text: z.string(),
  at: z.string().optional(),
});

export const TranscriptSchema = z.object({
  contactId: z.string().min(1),
  locale: z.string().default('ko-KR'),
  turns: z.array(TranscriptTurnSchema),
});

export type TranscriptTurn = z.infer<typeof TranscriptTurnSchema>;
export type Transcript = z.infer<typeof TranscriptSchema>;
