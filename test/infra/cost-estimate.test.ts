import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSUMPTIONS, estimate, UNIT_PRICES } from '../../tools/cost-estimate.ts';

describe('Function: estimate', () => {
  it('bills exactly one consultation when every first call is answered', () => {
    // Act
    const lines = estimate({
      ...DEFAULT_ASSUMPTIONS,
      answerRate: 1,
      maxAttempts: 3,
      consultMinutes: 10,
      mobileShare: 1,
    });

    // Assess
    const voice = lines.find((l) => l.item === 'Connect voice usage')!;
    expect(voice.perHousehold).toBeCloseTo(10 * UNIT_PRICES.connectVoicePerMinute, 10);
    const sms = lines.find((l) => l.item === 'SNS SMS to Korea')!;
    expect(sms.perHousehold).toBeCloseTo(UNIT_PRICES.snsSmsKoreaPerMessage, 10);
  });

  it('spends no Lex or Bedrock on households nobody answers', () => {
    // Act
    const lines = estimate({ ...DEFAULT_ASSUMPTIONS, answerRate: 0 });

    // Assess
    expect(lines.find((l) => l.item === 'Lex V2 speech requests')!.perHousehold).toBe(0);
    expect(lines.find((l) => l.item === 'Bedrock tokens')!.perHousehold).toBe(0);
    expect(lines.find((l) => l.item === 'Connect voice usage')!.basis).toBe('1.50 min');
  });
});
