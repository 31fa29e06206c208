/**
 * Takes one of the Connect instance's call slots before dialling. Refuses outside calling hours, so no call starts
 * at night even when a retry or a full line pushed the attempt late.
 */
import { isInsideCallingWindow } from '../domain/calling-window.ts';
import { acquireCallSlot } from '../shared/call-slots.ts';
import { callingWindowFrom } from '../shared/calling-config.ts';
import { workflowHandler } from '../shared/log.ts';
import { readWorkflowSettings } from '../shared/settings.ts';

export interface AcquireCallSlotEvent {
  caseId: string;
  /** Execution id: the slot's holder, so release and the sweeper can find it. */
  holder: string;
}

export class OutsideCallingHoursError extends Error {
  constructor(at: Date) {
    super(`${at.toISOString()} is outside calling hours`);
    this.name = 'OutsideCallingHoursError';
  }
}

const settings = readWorkflowSettings();

export const handler = workflowHandler(async (event: AcquireCallSlotEvent): Promise<void> => {
  const now = new Date();
  if (!isInsideCallingWindow(now, callingWindowFrom(settings))) throw new OutsideCallingHoursError(now);
  await acquireCallSlot({ holder: event.holder, limit: settings.callSlots, now });
});
