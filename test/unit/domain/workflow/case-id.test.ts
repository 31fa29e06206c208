import { describe, expect, it } from 'vitest';
import { batchIdFor, caseIdFor } from '../../../../functions/domain/case-id.ts';

const list = new TextEncoder().encode('가구번호,성명,전화번호\nH-1,김순자,010-1234-5678\n');

describe('Function: batchIdFor', () => {
  it('is the same for the same district and bytes (re-upload starts no new calls)', () => {
    // Act
    const first = batchIdFor('11680', list);
    const again = batchIdFor('11680', new Uint8Array(list));

    // Assess
    expect(first).toBe(again);
    expect(first).toMatch(/^11680-[0-9a-f]{16}$/);
  });

  it('differs for another district or one changed byte', () => {
    // Prepare
    const changed = new Uint8Array(list);
    changed[changed.length - 2] = '9'.charCodeAt(0);

    // Act
    const ids = new Set([batchIdFor('11680', list), batchIdFor('26350', list), batchIdFor('11680', changed)]);

    // Assess
    expect(ids.size).toBe(3);
  });
});

describe('Function: caseIdFor', () => {
  it('is deterministic and fits an execution name (≤ 80 chars)', () => {
    // Act
    const id = caseIdFor('11680-0123456789abcdef', 'H-1');

    // Assess
    expect(id).toBe(caseIdFor('11680-0123456789abcdef', 'H-1'));
    expect(id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('is distinct per household and per batch', () => {
    // Prepare
    const batches = ['11680-0123456789abcdef', '11680-fedcba9876543210'];
    const households = Array.from({ length: 500 }, (_, i) => `H-${i}`);

    // Act
    const ids = new Set(batches.flatMap((b) => households.map((h) => caseIdFor(b, h))));

    // Assess
    expect(ids.size).toBe(1000);
  });
});
