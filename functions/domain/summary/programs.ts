/** Candidate welfare programs for the caseworker, from the needs heard (each tied to the turn that suggests it). */
import type { CrisisType } from '../consultation-summary.ts';

export interface ProgramRule {
  program: string;
  reason: string;
  /** Suggest when one of these types was heard… */
  types: CrisisType[];
  /** …or, if set, only when this HIGH/EMERGENCY signal (Korean label) was heard. */
  signal?: RegExp;
}

export const PROGRAM_RULES: ProgramRule[] = [
  {
    program: '긴급복지지원(생계·주거·의료)',
    reason: '당장 생계·주거·의료 위기가 있어 신속 지원 검토',
    types: ['INCOME', 'FOOD', 'HOUSING', 'UTILITIES', 'HEALTH'],
    signal: /퇴거|수입 없음|단절|치료|굶|겨울|긴급/,
  },
  { program: '기초생활보장 생계급여', reason: '소득 감소·무소득으로 생계 곤란', types: ['INCOME', 'FOOD'] },
  { program: '기초생활보장 주거급여', reason: '월세 체납·퇴거 위기 등 주거 문제', types: ['HOUSING'] },
  { program: '기초생활보장 의료급여', reason: '의료비 부담·치료 중단', types: ['HEALTH'] },
  { program: '차상위계층 지원', reason: '저소득 가구 본인부담 경감 등 검토', types: ['INCOME'] },
  { program: '국민취업지원제도', reason: '실직·구직 어려움', types: ['EMPLOYMENT'] },
  { program: '에너지바우처·요금 감면', reason: '전기·가스·수도 요금 체납 또는 단절', types: ['UTILITIES'] },
  { program: '푸드뱅크·푸드마켓', reason: '끼니를 거르는 등 식생활 위기', types: ['FOOD'] },
  { program: '신용회복위원회 채무조정·금융복지상담', reason: '빚·연체·독촉 부담', types: ['DEBT'] },
  {
    program: '정신건강복지센터 연계',
    reason: '우울·불면·자살 위험 등 마음 건강 문제',
    types: ['MENTAL_HEALTH'],
  },
  { program: '노인맞춤돌봄서비스', reason: '돌봄이 필요하거나 고립된 어르신', types: ['ISOLATION', 'CARE'] },
  { program: '장기요양·가족돌봄 지원', reason: '가족 돌봄 부담', types: ['CARE'] },
];
