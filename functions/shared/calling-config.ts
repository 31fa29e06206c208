/** Maps the deployment's workflow settings onto the calling-window domain configuration. */
import type { CallingWindowConfig } from '../domain/calling-window.ts';
import type { WorkflowSettings } from './settings.ts';

export function callingWindowFrom(settings: WorkflowSettings): CallingWindowConfig {
  return {
    days: settings.callingDays,
    start: settings.callingHours.start,
    end: settings.callingHours.end,
    holidays: true,
  };
}
