import type { District } from './district-directory.ts';

/**
 * SMS pre-notice (Korean). Names the office, gives a number to call back and the 4-digit code the bot says first,
 * so a wary resident can tell the consultation call from voice phishing. Never asks for money or personal numbers.
 */
export function preNoticeText(district: District, verificationCode: string): string {
  return (
    `[${district.officeName}] 안녕하세요. 생활에 어려움이 없으신지 여쭙고자 곧 AI 상담 전화를 드립니다. ` +
    `확인번호 [${verificationCode}] — 상담원이 통화 첫머리에 이 번호를 말씀드립니다. 번호가 다르면 끊으시고 ${district.officePhone}번으로 문의해 주세요. ` +
    '공공기관은 계좌번호·비밀번호를 묻지 않습니다.'
  );
}

/** SMS to a mobile we could not reach: the office number, so the resident can call us. */
export function unreachableNoticeText(district: District): string {
  return (
    `[${district.officeName}] 생활 형편을 여쭙고자 몇 차례 전화드렸으나 연결되지 않았습니다. ` +
    `도움이 필요하시면 ${district.officePhone}번으로 연락 주세요. 담당 공무원이 찾아뵐 수도 있습니다.`
  );
}
