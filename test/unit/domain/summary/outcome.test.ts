import { describe, expect, it } from 'vitest';
import { summarizeWithRules } from '../../../../functions/domain/summary/rules-summarizer.ts';
import type { Transcript } from '../../../../functions/domain/transcript.ts';

const t = (...lines: string[]): Transcript => ({
  contactId: 'o',
  locale: 'ko-KR',
  turns: lines.map((text, i) => ({ speaker: i % 2 === 0 ? 'bot' : 'resident', text })),
});

const HELLO = '안녕하세요. 한빛군청 복지과 AI 상담원입니다. 오순례 님 맞으세요?';
const HOW = '생활에 어려운 점은 없으신지 여쭤보려고요. 요즘 어떠세요?';

describe('Function: summarizeWithRules (how a call ends)', () => {
  it('a yes to the read-back of the needs is COMPLETED', () => {
    // Prepare
    const transcript = t(
      HELLO,
      '야 그려유.',
      HOW,
      '연금 이십만 원 갖고는 택도 읎어유.',
      '정리하면, 연금만으로는 생활비가 많이 모자라신다는 말씀이시죠?',
      '야 그류.',
    );

    // Act
    const summary = summarizeWithRules(transcript);

    // Assess
    expect(summary).toMatchObject({ outcome: 'COMPLETED', crisisTypes: ['INCOME'] });
  });

  it('a bot left calling "여보세요?" into the line is PARTIAL', () => {
    const summary = summarizeWithRules(
      t(HELLO, '예.', HOW, '허리가 아파 죽겄어요. 병원비도 없고…', '어르신? 여보세요? 들리세요?'),
    );
    expect(summary.outcome).toBe('PARTIAL');
  });

  it('an early "됐슈" followed by answers without declining again is not REFUSED', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '아유 됐슈, 이런 전화 안 해도 돼유.',
        '잠깐만 여쭐게요. 식사는 어떻게 하세요?',
        '쌀이 다 떨어져 가서 하루 한 끼로 버텨유.',
        '많이 힘드시겠어요. 담당자가 쌀을 가지고 찾아뵐게요.',
        '그류, 고마워유.',
      ),
    );
    expect(summary.outcome).toBe('COMPLETED');
  });

  it('refusing from the start and again at the end is REFUSED even with a need told', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '나는 그런 상담 안 혀유.',
        '잠깐만요. 요즘 건강은 어떠세요?',
        '무릎이 다 나가서 걷도 못혀유. 그래도 안 한다니께.',
        '알겠습니다. 필요하시면 군청으로 연락 주세요.',
        '됐슈, 끊어유.',
      ),
    );
    expect(summary.outcome).toBe('REFUSED');
  });

  it('a time given when the bot asks when to talk is CALLBACK_REQUESTED', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '지금 장에 나와 있어서유.',
        '그러시군요. 언제 통화가 편하세요?',
        '저녁 일곱 시 넘어서 해 줘유.',
        '네, 오늘 저녁 일곱 시 넘어서 다시 연락드리겠습니다.',
        '야 그려유.',
      ),
    );
    expect(summary.outcome).toBe('CALLBACK_REQUESTED');
  });

  it('a business answering is WRONG_NUMBER', () => {
    const summary = summarizeWithRules(
      t(HELLO, '예? 여긴 철물점인디요.', '오순례 님 번호로 등록돼 있어서요.', '번호가 잘못 들어갔나 봐요.'),
    );
    expect(summary.outcome).toBe('WRONG_NUMBER');
  });

  it('"뭐 하러 와요, 전화나 가끔 해 줘요" prefers a call, not a visit', () => {
    const summary = summarizeWithRules(
      t(
        HELLO,
        '예.',
        HOW,
        '말할 사람도 없고 며칠씩 입 한 번 안 떼고 지내요.',
        '찾아뵐까요, 전화가 좋으세요?',
        '길도 먼데 뭐 하러 와요. 전화나 가끔 해 줘요.',
      ),
    );
    expect(summary).toMatchObject({ crisisTypes: ['ISOLATION'], followUp: 'PHONE_FOLLOWUP' });
  });
});
