import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallContext, DialogueStep } from '../../../../functions/domain/dialogue/contract.ts';
import {
  continueDialogue,
  hangUpDialogue,
  startDialogue,
} from '../../../../functions/domain/dialogue/engine.ts';
import { RuleUnderstanding } from '../../../../functions/domain/understanding/rules.ts';
import { converse, MAX_TURNS } from '../../../../local/phone-network/converse.ts';
import { type Persona, PersonaSchema } from '../../../../local/phone-network/persona.ts';

const ctx: CallContext = {
  contactId: 'sim-1',
  residentName: '김영희',
  birthYear: 1950,
  officeName: '한빛구청 복지정책과',
  officePhone: '02-123-4567',
  verificationCode: '4821',
  riskFlags: [],
  // Tuesday 2025-03-04 10:00 KST
  now: '2025-03-04T01:00:00.000Z',
};
const rules = new RuleUnderstanding();

function persona(id: string): Persona {
  const file = resolve(import.meta.dirname, '../../../../samples/personas', `${id}.json`);
  return PersonaSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** The call context of a persona's household, as the local runtime builds it. */
function ctxFor(p: Persona): CallContext {
  const h = p.household;
  return {
    ...ctx,
    residentName: h?.name ?? ctx.residentName,
    ...(h?.birthYear ? { birthYear: h.birthYear } : {}),
    riskFlags: h?.riskFlags ?? [],
  };
}

async function say(step: DialogueStep, utterance: string | null): Promise<DialogueStep> {
  return continueDialogue(step.state, utterance, rules);
}

describe('Function: startDialogue', () => {
  it('discloses the AI, names the office, says the SMS code and asks for identity without 주민등록번호', () => {
    // Act
    const step = startDialogue(ctx);

    // Assess
    expect(step.botText).toContain('인공지능');
    expect(step.botText).toContain('한빛구청 복지정책과');
    expect(step.botText).toContain('4, 8, 2, 1');
    expect(step.botText).toContain('02-123-4567');
    expect(step.botText).toContain('태어나신 해');
    expect(step.botText).not.toContain('주민등록번호');
    expect(step.state.expecting).toBe('IDENTITY');
    expect(step.end).toBe(false);
  });

  it('asks first about the risk flags of the list (단전 → utilities, 건강보험료체납 → debt)', async () => {
    // Prepare
    const start = startDialogue({ ...ctx, riskFlags: ['건강보험료체납', '단전'] });

    // Act
    const consent = await say(start, '네 맞아요, 1950년생이요.');
    const first = await say(consent, '네, 물어보세요.');

    // Assess
    expect(consent.state.expecting).toBe('CONSENT');
    expect(first.state.expecting).toBe('DEBT');
    const second = await say(first, '아니요, 없어요.');
    expect(second.state.expecting).toBe('HEALTH');
    const third = await say(second, '아니요.');
    expect(third.state.expecting).toBe('UTILITIES');
  });
});

describe('Function: continueDialogue', () => {
  it('stops the questionnaire on the turn a self-harm signal is heard, offers 109 and raises the alert', async () => {
    // Prepare
    let step = startDialogue(ctx);
    step = await say(step, '네, 1950년생이에요.');
    step = await say(step, '네.');

    // Act
    const alarmed = await say(step, '돈도 없고... 요즘은 그냥 다 그만하고 싶어요.');

    // Assess
    expect(alarmed.emergency).toEqual({
      kind: 'SELF_HARM',
      utterance: '돈도 없고... 요즘은 그냥 다 그만하고 싶어요.',
      hotline: '109',
    });
    expect(alarmed.botText).toContain('109');
    expect(alarmed.botText).toContain('연결해 드릴까요');
    expect(alarmed.state.expecting).toBe('SAFETY');
    const after = await say(alarmed, '네, 연결해 주세요.');
    expect(after.end).toBe(true);
    expect(after.emergency).toBeUndefined();
  });

  it('asks the safety question next when the wording sounds like self-harm though no sign was heard', async () => {
    // Prepare
    let step = startDialogue(ctx);
    step = await say(step, '네, 1950년생이에요.');
    step = await say(step, '네.');

    // Act
    const asked = await say(step, '밤마다 이 고생이 언제 끝나나 그 생각만 해요');
    const denied = await say(asked, '아니요, 그런 생각은 안 해요. 그냥 힘들어서요');

    // Assess
    expect(asked.emergency).toBeUndefined();
    expect(asked.botText).toContain('스스로를 해치고 싶다거나');
    expect(denied.emergency).toBeUndefined();
    expect(denied.end).toBeFalsy();
  });

  it('gives 112 for violence at home', async () => {
    let step = startDialogue(ctx);
    step = await say(step, '네 맞아요 50년생');
    step = await say(step, '남편이 술 먹으면 때려서 무서워요');
    expect(step.emergency?.hotline).toBe('112');
    expect(step.botText).toContain('112');
  });

  it('resolves "내일 오후 세 시에 다시 전화 주세요" into a callback inside calling hours', async () => {
    const step = await say(
      startDialogue(ctx),
      '네 맞는데 지금 운전 중이라서요. 내일 오후 세 시에 다시 전화 주세요.',
    );
    expect(step).toMatchObject({
      end: true,
      outcome: 'CALLBACK_REQUESTED',
      callbackAt: '2025-03-05T06:00:00.000Z',
    });
    expect(step.botText).toContain('3월 5일(수) 오후 3시');
  });

  it('asks when to call back when no time was said, then moves an evening time into the next calling day', async () => {
    const asked = await say(startDialogue(ctx), '지금은 통화가 곤란해요.');
    expect(asked.state.expecting).toBe('CALLBACK_TIME');
    const step = await say(asked, '저녁 일곱 시쯤이요');
    expect(step.outcome).toBe('CALLBACK_REQUESTED');
    expect(step.callbackAt).toBe('2025-03-05T01:00:00.000Z');
    expect(step.botText).toContain('상담 가능 시간이 아니어서');
  });

  it('ends with optOut on "다시는 전화하지 마세요"', async () => {
    const step = await say(startDialogue(ctx), '다시는 전화하지 마세요.');
    expect(step).toMatchObject({ end: true, outcome: 'REFUSED', optOut: true });
  });

  it('ends as WRONG_NUMBER when the answerer is someone else', async () => {
    const step = await say(startDialogue(ctx), '아닌데요. 그런 사람 없어요.');
    expect(step).toMatchObject({ end: true, outcome: 'WRONG_NUMBER' });
  });

  it('tells the resident to hang up and call the office when the code does not match', async () => {
    const step = await say(startDialogue(ctx), '문자에 온 번호랑 다른데요?');
    expect(step.end).toBe(true);
    expect(step.botText).toContain('02-123-4567');
  });

  it('reassures a resident who suspects a scam once, then continues', async () => {
    const reassured = await say(startDialogue(ctx), '이거 보이스피싱 아니에요?');
    expect(reassured.end).toBe(false);
    expect(reassured.botText).toContain('주민등록번호');
    expect(reassured.botText).toContain('4, 8, 2, 1');
    const consent = await say(reassured, '아 번호가 같네요. 네 맞아요, 1950년생.');
    expect(consent.state.expecting).toBe('CONSENT');
  });

  it('repeats the last prompt, slower when asked', async () => {
    const start = startDialogue(ctx);
    const again = await say(start, '네? 천천히 좀 말해 줘요.');
    expect(again.botText).toContain('천천히');
    expect(again.botText).toContain(start.botText);
    expect(again.state.slow).toBe(true);
    expect(again.state.expecting).toBe('IDENTITY');
  });

  it('treats silence at the greeting as no response (voicemail)', async () => {
    const once = await say(startDialogue(ctx), null);
    expect(once.end).toBe(false);
    const twice = await say(once, null);
    expect(twice).toMatchObject({ end: true, noResponse: true });
  });

  it('reports a hang-up after consent as PARTIAL and before anything as no response', async () => {
    let step = startDialogue(ctx);
    expect(hangUpDialogue(step.state).noResponse).toBe(true);
    step = await say(step, '네 50년생');
    step = await say(step, '네');
    expect(hangUpDialogue(step.state).outcome).toBe('PARTIAL');
  });

  it('reads back the needs and lets the resident correct them', async () => {
    let step = startDialogue(ctx);
    for (const answer of ['네 50년생', '네', '네, 수입이 반으로 줄었어요.', '아니요 조금은 있어요.'])
      step = await say(step, answer);
    while (step.state.expecting !== 'FOLLOW_UP_PREFERENCE') step = await say(step, '아니요, 없어요.');
    const readBack = await say(step, '전화로 해 주세요.');
    expect(readBack.state.expecting).toBe('READBACK');
    expect(readBack.botText).toContain('생활비·수입 부족');
    const done = await say(readBack, '네, 맞아요.');
    expect(done).toMatchObject({ end: true, outcome: 'COMPLETED' });
  });
});

describe('Function: converse (scripted residents)', () => {
  it.each([
    ['no-crisis', { outcome: 'COMPLETED' }],
    ['refusal', { outcome: 'REFUSED' }],
    ['wrong-number', { outcome: 'WRONG_NUMBER' }],
    ['opt-out', { outcome: 'REFUSED', optOut: true }],
    ['hangs-up-midway', { outcome: 'PARTIAL' }],
    ['voicemail-only', { noResponse: true }],
    ['scam-then-continues', { outcome: 'COMPLETED' }],
    ['repeat-slower', { outcome: 'COMPLETED' }],
  ] as const)('%s ends as %o', async (id, expected) => {
    const p = persona(id);
    const result = await converse(ctxFor(p), p, 0);
    expect(result.final).toMatchObject(expected);
    expect(result.turns[0]?.speaker).toBe('bot');
  });

  it('raises the emergency during the call, on the turn it is heard', async () => {
    // Prepare
    const seen: { seq: number; emergency: boolean }[] = [];

    // Act
    const p = persona('self-harm-indirect');
    const result = await converse(ctxFor(p), p, 0, {
      onTurn: (turn, step) => {
        seen.push({ seq: turn.seq, emergency: Boolean(step?.emergency) });
      },
    });

    // Assess
    const alertAt = seen.findIndex((s) => s.emergency);
    expect(result.emergency?.kind).toBe('SELF_HARM');
    expect(result.turns[alertAt - 1]?.text).toContain('다 그만하고 싶어요');
    expect(result.turns[alertAt]?.text).toContain('109');
    expect(alertAt).toBeLessThan(result.turns.length - 1);
  });

  it('places the consultation on the next call after a callback', async () => {
    const p = persona('callback-then-consult');
    const first = await converse(ctxFor(p), p, 0);
    const second = await converse({ ...ctxFor(p), now: first.final.callbackAt ?? ctx.now }, p, 1);
    expect(first.final.outcome).toBe('CALLBACK_REQUESTED');
    expect(second.final.outcome).toBe('COMPLETED');
  });

  it('terminates a script that never ends', async () => {
    const looping = PersonaSchema.parse({ id: 'loop', conversations: [{ default: '네? 뭐라고요?' }] });
    const result = await converse(ctx, looping, 0);
    expect(result.turns.length).toBeLessThanOrEqual(MAX_TURNS + 1);
    expect(result.final.end).toBe(true);
  });
});

describe('Adaptive follow-ups', () => {
  it('asks the severity follow-up only where a problem surfaced and severity is still unknown', async () => {
    // Prepare
    let step = startDialogue({ ...ctx, riskFlags: ['단전'] });
    step = await say(step, '네 50년생이에요');
    step = await say(step, '네');
    expect(step.state.expecting).toBe('UTILITIES');

    // Act
    const followUp = await say(step, '가스요금이 석 달 밀렸어요.');
    const next = await say(followUp, '아니요, 아직 끊기진 않았어요.');

    // Assess
    expect(followUp.botText).toContain('끊긴 상태인가요?');
    expect(followUp.state.expecting).toBe('UTILITIES');
    expect(next.state.expecting).toBe('INCOME');
    expect(next.state.high).toEqual([]);
  });
});

describe('Safety protocol: circumstances', () => {
  it('raises a DANGER alert and stops the questionnaire for two days without food', async () => {
    let step = startDialogue(ctx);
    step = await say(step, '네 50년생이에요');
    step = await say(step, '네');

    const alarmed = await say(step, '쌀 떨어진 지 사흘 됐어요. 물만 마시고 있어요.');

    expect(alarmed.emergency).toMatchObject({ kind: 'DANGER', hotline: '119' });
    expect(alarmed.botText).toContain('질문은 여기서 멈출게요');
    const end = await say(alarmed, '네 집에 있어요');
    expect(end).toMatchObject({ end: true, outcome: 'COMPLETED' });
    expect(end.botText).toContain('찾아뵙겠습니다');
    expect(end.botText).not.toContain('연결해');
  });
});

describe('Safety protocol: winter without heating', () => {
  it('raises the alert once no heating, cold and a vulnerable person have all been heard', async () => {
    // Prepare: a January call
    let step = startDialogue({ ...ctx, now: '2025-01-14T01:00:00.000Z', riskFlags: ['단전'] });
    step = await say(step, '네 50년생이에요');
    step = await say(step, '네');

    // Act
    const cut = await say(step, '네, 전기가 끊긴 지 닷새 됐어요.');
    const alarmed = await say(cut, '누워만 계신 어머니랑 둘이 살아요.');

    // Assess
    expect(cut.emergency).toBeUndefined();
    expect(alarmed.emergency).toMatchObject({ kind: 'DANGER', hotline: '119' });
    expect(alarmed.botText).toContain('질문은 여기서 멈출게요');
  });

  it('does not raise it in summer', async () => {
    let step = startDialogue({ ...ctx, now: '2025-07-14T01:00:00.000Z' });
    step = await say(step, '네 50년생이에요');
    step = await say(step, '네');
    step = await say(step, '전기가 끊겼어요. 어머니가 편찮으세요.');
    expect(step.emergency).toBeUndefined();
  });
});
