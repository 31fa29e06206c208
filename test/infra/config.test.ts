import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readWorkflowSettings } from '../../functions/shared/settings.ts';
import {
  CONTEXT_DEFAULTS,
  CONTEXT_KEY,
  InvalidContextError,
  readDeployConfig,
  settingsEnvironment,
} from '../../infra/config.ts';

describe('Function: readDeployConfig', () => {
  it('accepts the context committed in cdk.json, which repeats the defaults', () => {
    // Prepare
    const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8'));

    // Act
    const config = readDeployConfig(cdkJson.context[CONTEXT_KEY]);

    // Assess
    expect(config).toEqual(CONTEXT_DEFAULTS);
  });

  it('names every bad key with a clear reason', () => {
    // Act
    const read = () =>
      readDeployConfig({
        callingHours: '18:00-10:00',
        connectSourcePhoneNumber: '010-1234-5678',
        callSlot: 3,
      });

    // Assess
    expect(read).toThrow(InvalidContextError);
    expect(read).toThrow(/wfc\.callingHours: must look like 10:00-18:00/);
    expect(read).toThrow(/wfc\.connectSourcePhoneNumber: must be the claimed Korean number in E\.164/);
    expect(read).toThrow(/callSlot/);
  });

  it('rejects a district code that is not 5 digits and an office phone in a foreign format', () => {
    // Act / Assess
    expect(() =>
      readDeployConfig({
        districts: { '1168': { name: '강남구', officeName: '강남구청', officePhone: '+82 2 3423 5000' } },
      }),
    ).toThrow(/5-digit district codes|officePhone must look like/);
  });
});

describe('Function: settingsEnvironment', () => {
  it('produces exactly what functions/shared/settings.ts reads back', () => {
    // Prepare
    const config = readDeployConfig({
      callSlots: 4,
      callingHours: '09:30-17:30',
      callingDays: ['MON', 'WED', 'FRI'],
      unreachableSms: false,
      districts: {
        '26350': { name: '해운대구', officeName: '해운대구청 복지정책과', officePhone: '051-749-4000' },
      },
    });
    const saved = { ...process.env };

    // Act
    Object.assign(process.env, settingsEnvironment(config));
    const settings = readWorkflowSettings();
    process.env = saved;

    // Assess
    expect(settings).toMatchObject({
      callSlots: 4,
      callingHours: { start: '09:30', end: '17:30' },
      callingDays: ['MON', 'WED', 'FRI'],
      unreachableSms: false,
      maxCallAttempts: 3,
    });
    expect(settings.districts['26350']).toMatchObject({ code: '26350', officeName: '해운대구청 복지정책과' });
  });
});
