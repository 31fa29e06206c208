import { describe, expect, it } from 'vitest';
import { analyzeUtterance } from '../../../../functions/domain/understanding/rules.ts';

describe('Function: analyzeUtterance (memoized)', () => {
  const context = { expecting: 'NONE' as const, botText: '요즘 생활비는 어떠세요?' };

  it('gives the same analysis for the same line and question, as a copy the caller may change', () => {
    // Prepare
    const line = '월세가 석 달 밀려가꼬 집주인이 나가라 캅니더';
    const first = analyzeUtterance(line, context);

    // Act
    first.crises.push('FOOD');
    first.high.length = 0;
    const second = analyzeUtterance(line, context);

    // Assess
    expect(second.crises).toContain('HOUSING');
    expect(second.crises).not.toContain('FOOD');
    expect(second.high.length).toBeGreaterThan(0);
  });

  it('keeps the question part of the key: the same "네" means different things', () => {
    // Act
    const toCutOff = analyzeUtterance('네', { expecting: 'NONE', botText: '혹시 전기가 끊긴 상태인가요?' });
    const toWellness = analyzeUtterance('네', { expecting: 'NONE', botText: '건강은 괜찮으세요?' });

    // Assess
    expect(toCutOff.crises).toContain('UTILITIES');
    expect(toWellness.crises).toEqual([]);
  });
});
