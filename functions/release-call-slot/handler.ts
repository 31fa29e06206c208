/** Gives the call slot back after the call, whatever its outcome (also on the failure path). */
import { releaseCallSlot } from '../shared/call-slots.ts';
import { logger, workflowHandler } from '../shared/log.ts';

export interface ReleaseCallSlotEvent {
  holder: string;
}

export const handler = workflowHandler(async (event: ReleaseCallSlotEvent): Promise<void> => {
  const released = await releaseCallSlot({ holder: event.holder });
  if (!released) logger.warn('call slot was already free', { holder: event.holder });
});
