/**
 * How much a resident line sounds like self-harm, by its wording alone: the sum of the log-odds of its character
 * 2- and 3-grams in the labeled corpora (tools/build-self-harm-lexicon.ts). The rules hear the gatekeeper warning
 * signs they know; this hears the field a new image still belongs to ("배터리 다 된 폰처럼", "같이 묻혔으면"). A high
 * score is only a concern: the dialogue engine then asks the direct question, and the answer decides.
 */

import { compact } from './normalize.ts';
import lexicon from './self-harm-lexicon.json' with { type: 'json' };

const WEIGHTS: Record<string, number> = lexicon.weights;

/** The distinct character 2- and 3-grams of a line's Hangul (spacing and punctuation dropped). */
export function characterGrams(text: string): Set<string> {
  const hangul = compact(text).replace(/[^가-힣]/g, '');
  const grams = new Set<string>();
  for (const size of [2, 3]) {
    for (let i = 0; i + size <= hangul.length; i++) grams.add(hangul.slice(i, i + size));
  }
  return grams;
}

/** Log-odds that the line is a self-harm line (0 = as likely as not; the prior is included). */
export function selfHarmWordingScore(text: string): number {
  let score = lexicon.prior;
  for (const gram of characterGrams(text)) score += WEIGHTS[gram] ?? 0;
  return score;
}
