import { beforeAll, describe, expect, it } from 'vitest';
import { useFreshLocalTables } from '../../support/local-tables.ts';

type Slots = typeof import('../../../functions/shared/call-slots.ts');

const now = new Date('2026-11-25T01:00:00.000Z');
const execution = (pool: string, n: number) =>
  `arn:aws:states:ap-northeast-2:123456789012:execution:household:${pool}-${n}`;

let slots: Slots;

beforeAll(async () => {
  await useFreshLocalTables();
  slots = await import('../../../functions/shared/call-slots.ts');
});

describe('Function: acquireCallSlot / releaseCallSlot', () => {
  it('hands out slots up to the limit, then throws CallSlotsFullError', async () => {
    // Prepare
    const pool = 'limit';
    for (let n = 0; n < 3; n++)
      await slots.acquireCallSlot({ holder: execution(pool, n), limit: 3, now, pool });

    // Act
    const act = slots.acquireCallSlot({ holder: execution(pool, 3), limit: 3, now, pool });

    // Assess
    await expect(act).rejects.toBeInstanceOf(slots.CallSlotsFullError);
    await expect(act).rejects.toMatchObject({
      name: 'CallSlotsFullError',
      message: 'All 3 call slots are in use',
    });
    expect(Object.keys(await slots.listCallSlotHolders(pool))).toEqual(
      expect.arrayContaining([execution(pool, 0), execution(pool, 1), execution(pool, 2)]),
    );
  });

  it('lets the same holder acquire again without taking a second slot, even when full', async () => {
    // Prepare
    const pool = 'idempotent';
    await slots.acquireCallSlot({ holder: execution(pool, 0), limit: 2, now, pool });
    await slots.acquireCallSlot({ holder: execution(pool, 1), limit: 2, now, pool });

    // Act
    await slots.acquireCallSlot({ holder: execution(pool, 0), limit: 2, now, pool });
    await slots.acquireCallSlot({ holder: execution(pool, 0), limit: 2, now, pool });

    // Assess
    expect(await slots.listCallSlotHolders(pool)).toEqual({
      [execution(pool, 0)]: '2026-11-25T01:00:00.000Z',
      [execution(pool, 1)]: '2026-11-25T01:00:00.000Z',
    });
  });

  it('frees the slot on release; a second release is a no-op', async () => {
    // Prepare
    const pool = 'release';
    await slots.acquireCallSlot({ holder: execution(pool, 0), limit: 1, now, pool });

    // Act
    const released = await slots.releaseCallSlot({ holder: execution(pool, 0), pool });
    const releasedAgain = await slots.releaseCallSlot({ holder: execution(pool, 0), pool });
    await slots.acquireCallSlot({ holder: execution(pool, 1), limit: 1, now, pool });

    // Assess
    expect([released, releasedAgain]).toEqual([true, false]);
    expect(Object.keys(await slots.listCallSlotHolders(pool))).toEqual([execution(pool, 1)]);
  });

  it('releasing a holder of a pool that never existed is a no-op', async () => {
    expect(await slots.releaseCallSlot({ holder: execution('nowhere', 0), pool: 'nowhere' })).toBe(false);
  });

  it('grants exactly 10 of 30 concurrent acquires on a pool never used before', async () => {
    // Prepare: no semaphore item yet (first calls after a deployment)
    const pool = 'cold-start';
    const holders = Array.from({ length: 30 }, (_, n) => execution(pool, n));

    // Act
    const results = await Promise.allSettled(
      holders.map((holder) => slots.acquireCallSlot({ holder, limit: 10, now, pool })),
    );

    // Assess
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    expect(Object.keys(await slots.listCallSlotHolders(pool))).toHaveLength(10);
  });

  it('grants exactly 10 of 30 concurrent acquires with limit 10', async () => {
    // Prepare: the semaphore item exists (a pool used before)
    const pool = 'race';
    await slots.acquireCallSlot({ holder: 'warm-up', limit: 10, now, pool });
    await slots.releaseCallSlot({ holder: 'warm-up', pool });
    const holders = Array.from({ length: 30 }, (_, n) => execution(pool, n));

    // Act
    const results = await Promise.allSettled(
      holders.map((holder) => slots.acquireCallSlot({ holder, limit: 10, now, pool })),
    );

    // Assess
    const granted = holders.filter((_, i) => results[i]?.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(granted).toHaveLength(10);
    expect(refused.every((r) => r.reason instanceof slots.CallSlotsFullError)).toBe(true);
    expect(Object.keys(await slots.listCallSlotHolders(pool)).sort()).toEqual([...granted].sort());
  });
});

describe('Function: sweepCallSlots', () => {
  it('releases only the holders reported not running', async () => {
    // Prepare
    const pool = 'sweep';
    for (let n = 0; n < 4; n++)
      await slots.acquireCallSlot({ holder: execution(pool, n), limit: 4, now, pool });
    const dead = new Set([execution(pool, 1), execution(pool, 3)]);
    const asked: string[] = [];

    // Act
    const released = await slots.sweepCallSlots(async (holder) => {
      asked.push(holder);
      return !dead.has(holder);
    }, pool);

    // Assess
    expect(released.sort()).toEqual([...dead].sort());
    expect(asked).toHaveLength(4);
    expect(Object.keys(await slots.listCallSlotHolders(pool)).sort()).toEqual([
      execution(pool, 0),
      execution(pool, 2),
    ]);
    // The freed slots are usable again.
    await slots.acquireCallSlot({ holder: execution(pool, 4), limit: 4, now, pool });
    await slots.acquireCallSlot({ holder: execution(pool, 5), limit: 4, now, pool });
    await expect(
      slots.acquireCallSlot({ holder: execution(pool, 6), limit: 4, now, pool }),
    ).rejects.toBeInstanceOf(slots.CallSlotsFullError);
  });

  it('returns nothing for an empty pool', async () => {
    expect(await slots.sweepCallSlots(async () => false, 'empty')).toEqual([]);
  });
});
