import { describe, expect, it } from 'vitest';
import { compact } from '../../../../functions/domain/understanding/normalize.ts';
import { analyzeUtterance } from '../../../../functions/domain/understanding/rules.ts';

const open = (utterance: string, botText = '요즘 생활은 좀 어떠세요?') =>
  analyzeUtterance(utterance, { expecting: 'NONE', botText });

describe('Function: compact (dialect and STT folds)', () => {
  it.each([
    ['돈이 한 푼도 엄따', '돈이한푼도없다'],
    ['찾아올 사람도 엄꼬', '찾아올사람도없고'],
    ['아무 걱정 읎슈', '아무걱정없어요'],
    ['나는 그런 거 안 혀유', '나는그런거안해요'],
    ['농사 허믄서 살았슈', '농사하면서살았어요'],
    ['배가 고파 죽겄네', '배가고파죽겠네'],
    ['친구도 어서마씸', '친구도없어요'],
    ['보일라 기럼이 다 떨어졌어', '보일러기름이다떨어졌어'],
    ['그 돈이 어딨슈', '그돈이없어'],
    ['주인이 집 비아 달라 카대', '주인이집비워달라카대'],
  ])('folds "%s"', (text, folded) => {
    // Act
    const result = compact(text);

    // Assess
    expect(result).toBe(folded);
  });

  it.each(['허리가 아파요', '허락을 받고', '엄마가 오셨어요', '읍내 나가요'])('keeps "%s"', (text) => {
    expect(compact(text)).toBe(text.replace(/\s+/g, ''));
  });
});

describe('Function: analyzeUtterance (dialect)', () => {
  it.each([
    ['일 댕기다가 두 달 전에 짤렸슈', ['EMPLOYMENT']],
    ['하루 죙일 말 섞을 사람도 엄꼬', ['ISOLATION']],
    ['보일라 기럼이 떨어진 지 사흘째여', ['UTILITIES']],
  ])('hears %s', (utterance, types) => {
    expect(open(utterance).crises).toEqual(types);
  });
});
