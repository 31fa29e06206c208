/**
 * `npx tsx tools/build-self-harm-lexicon.ts`: derives the self-harm wording lexicon
 * (functions/domain/understanding/self-harm-lexicon.json) from the labeled utterance corpora that are training
 * data. Each character 2- and 3-gram of a resident line (compact form, Hangul only) gets the log-odds of appearing
 * in a self-harm line against a line without (naive Bayes with add-half smoothing). Sealed corpora
 * (utterances-g2, utterances-h, utterances-i2) are never read here: they measure what the lexicon does on unseen wording.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { characterGrams } from '../functions/domain/understanding/self-harm-wording.ts';
import { readUtteranceFile } from '../local/eval/utterances.ts';

const ROOT = join(import.meta.dirname, '..');
export const TRAINING_CORPORA = [
  'utterances-a',
  'utterances-b',
  'utterances-c',
  'utterances-d',
  'utterances-e',
  'utterances-f',
  'utterances-g1',
  'utterances-i1',
];

export interface SelfHarmLexicon {
  source: string[];
  positives: number;
  negatives: number;
  prior: number;
  weights: Record<string, number>;
}

/** Naive Bayes log-odds per gram over labeled lines; weights near zero say nothing and are left out. */
export function buildLexicon(
  lines: { text: string; selfHarm: boolean }[],
  source: string[],
): SelfHarmLexicon {
  const positive = new Map<string, number>();
  const negative = new Map<string, number>();
  let positives = 0;
  let negatives = 0;
  for (const line of lines) {
    const counts = line.selfHarm ? positive : negative;
    if (line.selfHarm) positives++;
    else negatives++;
    for (const gram of characterGrams(line.text)) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  const weights: Record<string, number> = {};
  for (const gram of [...new Set([...positive.keys(), ...negative.keys()])].sort()) {
    const p = positive.get(gram) ?? 0;
    const n = negative.get(gram) ?? 0;
    const weight = Math.log((p + 0.5) / (positives + 1)) - Math.log((n + 0.5) / (negatives + 1));
    if (Math.abs(weight) >= 0.3) weights[gram] = Math.round(weight * 1000) / 1000;
  }
  return {
    source,
    positives,
    negatives,
    prior: Math.round(Math.log(positives / negatives) * 1000) / 1000,
    weights,
  };
}

export function trainingLines(corpora: string[]): { text: string; selfHarm: boolean }[] {
  return corpora.flatMap((corpus) =>
    readUtteranceFile(join(ROOT, 'test', 'fixtures', 'eval', `${corpus}.jsonl`)).map((line) => ({
      text: line.text,
      selfHarm: line.expect.selfHarm,
    })),
  );
}

if (process.argv[1] === import.meta.filename) {
  const lexicon = buildLexicon(trainingLines(TRAINING_CORPORA), TRAINING_CORPORA);
  const out = join(ROOT, 'functions', 'domain', 'understanding', 'self-harm-lexicon.json');
  writeFileSync(out, `${JSON.stringify(lexicon)}\n`);
  process.stdout.write(
    `self-harm lexicon: ${Object.keys(lexicon.weights).length} grams from ${lexicon.positives} self-harm and ${lexicon.negatives} other lines -> ${out}\n`,
  );
}
