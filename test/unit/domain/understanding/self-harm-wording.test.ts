import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeUtterance } from '../../../../functions/domain/understanding/rules.ts';
import {
  characterGrams,
  selfHarmWordingScore,
} from '../../../../functions/domain/understanding/self-harm-wording.ts';
import { buildLexicon, TRAINING_CORPORA, trainingLines } from '../../../../tools/build-self-harm-lexicon.ts';

const LEXICON = join(
  import.meta.dirname,
  '../../../../functions/domain/understanding/self-harm-lexicon.json',
);

describe('Function: characterGrams', () => {
  it('reads the compact Hangul of a line as its 2- and 3-grams, spacing and punctuation dropped', () => {
    expect([...characterGrams('못 먹어요.')].sort()).toEqual(
      ['먹어', '먹어요', '못먹', '못먹어', '어요'].sort(),
    );
  });
});

describe('Function: selfHarmWordingScore', () => {
  it('scores everyday lines below zero and wishes to be gone far above', () => {
    expect(selfHarmWordingScore('오늘 점심은 국수 먹었어요')).toBeLessThan(0);
    expect(selfHarmWordingScore('그냥 다 놓아 버리고 싶어요 이제 지쳤어요')).toBeGreaterThan(12);
  });
});

describe('Function: analyzeUtterance — wording concern', () => {
  it('a line in the field of self-harm that no known sign covers is a concern, not a sign', () => {
    const analysis = analyzeUtterance('밤마다 이 고생이 언제 끝나나 그 생각만 해요', {
      expecting: 'NONE',
      botText: '요즘 생활은 좀 어떠세요?',
    });
    expect(analysis.selfHarm).toBe(false);
    expect(analysis.selfHarmConcern).toBe(true);
  });

  it('a denial to the direct question rules it out', () => {
    const analysis = analyzeUtterance('아니요, 그런 생각은 없어요. 그냥 힘들어서요', {
      expecting: 'NONE',
      botText: '혹시 스스로를 해치고 싶다거나 죽고 싶다는 생각이 드신 적이 있으세요?',
    });
    expect(analysis).toMatchObject({ selfHarm: false, selfHarmDenied: true });
    expect(analysis.selfHarmConcern).toBeUndefined();
  });
});

describe('Lexicon: self-harm-lexicon.json', () => {
  it('is built from the training corpora only, never from the sealed ones', () => {
    const lexicon = JSON.parse(readFileSync(LEXICON, 'utf8'));
    expect(lexicon.source).toEqual(TRAINING_CORPORA);
    expect(lexicon.source).not.toContain('utterances-g2');
    expect(lexicon.source).not.toContain('utterances-h');
  });

  it('is what tools/build-self-harm-lexicon.ts makes of those corpora (rebuild it after changing them)', () => {
    const committed = JSON.parse(readFileSync(LEXICON, 'utf8'));
    expect(buildLexicon(trainingLines(TRAINING_CORPORA), TRAINING_CORPORA)).toEqual(committed);
  });
});
