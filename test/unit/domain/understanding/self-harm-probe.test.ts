import { describe, expect, it } from 'vitest';
import { analyzeUtterance } from '../../../../functions/domain/understanding/rules.ts';

const PROBE = '조심스럽게 여쭤볼게요. 혹시 스스로를 해치고 싶다는 생각이 드신 적 있으세요?';
const answer = (text: string, botText = PROBE) => analyzeUtterance(text, { expecting: 'NONE', botText });

describe('Function: analyzeUtterance — an answer to a direct self-harm question (gatekeeper rule)', () => {
  it.each([
    ['dodged', '그런 거 묻지 마세요. 끊을게요.'],
    ['dodged in dialect', '고마 됐심더. 끊을게예.'],
    ['refused an answer', '그건 말 안 할래요.'],
    ['half denied: the plan, not the thought', '구체적으로는 아니고요, 그냥 창밖 보면 그런 생각이 들어요.'],
    ['a denied denial', '안 했다면 거짓말이죠.'],
    ['a denial it will not make', '아니라고는 못 하겠네요.'],
    ['told as a habit', '그런 생각이야 밤마다 하지요.'],
    ['an appeal to the obvious', '그걸 꼭 말로 해야 돼요? 알잖아요.'],
    ['silence', '...'],
    ['a sigh, then yes', '(한숨) 네...'],
  ])('flags an answer that does not deny it (%s): "%s"', (_why, text) => {
    const analysis = answer(text);
    expect(analysis.selfHarm).toBe(true);
    expect(analysis.crises).toContain('MENTAL_HEALTH');
  });

  it.each([
    '아뇨, 그런 생각은 안 해요. 손주 크는 거 봐야죠.',
    '아이고 그런 건 아니고 말이 그렇다는 거지.',
    '그런 생각은 들지 않아요. 그냥 몸이 힘든 거예요.',
    '절대 아니에요. 됐어요, 걱정 마세요.',
    '그런 생각 자주 안 해요, 진짜로.',
  ])('does not flag a denial: "%s"', (text) => {
    expect(answer(text).selfHarm).toBe(false);
  });

  it('"네" to a question about safety at home is about violence, not self-harm', () => {
    expect(
      answer('네, 오늘 들어오면 가만 안 둔다고 했어요', '혹시 집에서 안전하지 않다고 느끼세요?').selfHarm,
    ).toBe(false);
  });

  it('reads "안전하세요?" about violence as no self-harm question', () => {
    expect(answer('지금은 없어요. 일 나갔어요.', '많이 무서우셨겠어요. 지금은 안전하세요?').selfHarm).toBe(
      false,
    );
  });

  it('marks a flag from a dodged answer for a person to review', () => {
    expect(answer('말 안 해요. 끊어요.').selfHarmReview).toBe(true);
  });
});
