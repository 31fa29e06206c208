import { describe, expect, it } from 'vitest';
import {
  compareQueueKeys,
  mergeQueuePages,
  queueKeyBounds,
  queueKeyFor,
  queueUrgency,
} from '../../../../functions/domain/case-queue.ts';

describe('Function: queueUrgency', () => {
  it('ranks an UNREACHABLE household HIGH (a home visit is due)', () => {
    expect(queueUrgency('UNREACHABLE', undefined)).toBe('HIGH');
    expect(queueUrgency('UNREACHABLE', 'LOW')).toBe('HIGH');
    expect(queueUrgency('UNREACHABLE', 'MEDIUM')).toBe('HIGH');
  });

  it('keeps an EMERGENCY even when the case ended UNREACHABLE', () => {
    expect(queueUrgency('UNREACHABLE', 'EMERGENCY')).toBe('EMERGENCY');
  });

  it('uses the summary urgency for other results, LOW without one', () => {
    expect(queueUrgency('CONSULTED', 'MEDIUM')).toBe('MEDIUM');
    expect(queueUrgency('CONSULTED', 'EMERGENCY')).toBe('EMERGENCY');
    expect(queueUrgency('REFUSED', undefined)).toBe('LOW');
    expect(queueUrgency('OPTED_OUT', undefined)).toBe('LOW');
  });
});

describe('Function: queueKeyFor', () => {
  it('orders EMERGENCY < HIGH < MEDIUM < LOW, then older first', () => {
    // Prepare
    const keys = [
      queueKeyFor('LOW', '2026-11-25T01:00:00.000Z', 'a'),
      queueKeyFor('MEDIUM', '2026-11-25T09:00:00.000Z', 'b'),
      queueKeyFor('HIGH', '2026-11-26T01:00:00.000Z', 'c'),
      queueKeyFor('EMERGENCY', '2026-11-27T08:59:59.999Z', 'd'),
      queueKeyFor('HIGH', '2026-11-25T01:00:00.000Z', 'e'),
      queueKeyFor('EMERGENCY', '2026-11-24T23:00:00.000Z', 'f'),
    ];

    // Act
    const ordered = [...keys].sort(compareQueueKeys).map((k) => k.split('#')[2]);

    // Assess
    expect(ordered).toEqual(['f', 'd', 'e', 'c', 'b', 'a']);
  });

  it('is "<rank>#<doneAt>#<caseId>"', () => {
    expect(queueKeyFor('HIGH', '2026-11-25T01:00:00.000Z', 'case-1')).toBe(
      '1#2026-11-25T01:00:00.000Z#case-1',
    );
  });

  it('falls inside the bounds of its own level only', () => {
    // Prepare
    const key = queueKeyFor('MEDIUM', '2026-11-25T01:00:00.000Z', 'zzzz');

    // Act
    const medium = queueKeyBounds('MEDIUM');
    const high = queueKeyBounds('HIGH');

    // Assess
    expect(key > medium.from && key < medium.to).toBe(true);
    expect(key > high.from && key < high.to).toBe(false);
  });
});

describe('Function: mergeQueuePages', () => {
  it('merges district pages in queue order and tells whether more remain', () => {
    // Prepare
    const gangnam = [
      { queueKey: queueKeyFor('EMERGENCY', '2026-11-25T02:00:00.000Z', 'g1') },
      { queueKey: queueKeyFor('LOW', '2026-11-25T01:00:00.000Z', 'g2') },
    ];
    const haeundae = [{ queueKey: queueKeyFor('HIGH', '2026-11-25T03:00:00.000Z', 'h1') }];

    // Act
    const page = mergeQueuePages([gangnam, haeundae], 2);

    // Assess
    expect(page.items.map((i) => i.queueKey.split('#')[2])).toEqual(['g1', 'h1']);
    expect(page.more).toBe(true);
  });
});
