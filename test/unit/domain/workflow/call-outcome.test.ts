import { describe, expect, it } from 'vitest';
import { classifyCall } from '../../../../functions/domain/call-outcome.ts';

const initiatedAt = new Date('2026-11-25T01:30:00.000Z');
const fallbackNow = new Date('2026-11-25T02:00:00.000Z');

describe('Function: classifyCall', () => {
  it('is BUSY when never connected and the line was busy', () => {
    // Act
    const report = classifyCall(
      'c-1',
      {
        initiatedAt,
        disconnectedAt: new Date('2026-11-25T01:30:04.000Z'),
        disconnectReason: 'TELECOM_BUSY',
        noResponse: false,
      },
      fallbackNow,
    );

    // Assess
    expect(report).toEqual({
      outcome: 'BUSY',
      contactId: 'c-1',
      durationSec: 0,
      startedAt: '2026-11-25T01:30:00.000Z',
      disconnectReason: 'TELECOM_BUSY',
    });
  });

  it.each(['TELECOM_UNANSWERED', 'TELECOM_TIMEOUT', 'CUSTOMER_NEVER_ARRIVED'])(
    'is NO_ANSWER when never connected with %s',
    (reason) => {
      const report = classifyCall(
        'c-2',
        { initiatedAt, disconnectReason: reason, noResponse: false },
        fallbackNow,
      );
      expect(report).toMatchObject({ outcome: 'NO_ANSWER', durationSec: 0, disconnectReason: reason });
    },
  );

  it.each([['TELECOM_PROBLEM'], ['OUTBOUND_DESTINATION_ENDPOINT_ERROR'], [undefined]])(
    'is FAILED when never connected with %s',
    (reason) => {
      const report = classifyCall(
        'c-3',
        { initiatedAt, disconnectReason: reason, noResponse: false },
        fallbackNow,
      );
      expect(report).toMatchObject({ outcome: 'FAILED', durationSec: 0 });
    },
  );

  it('is ANSWERED with the seconds from connection to disconnection', () => {
    // Act
    const report = classifyCall(
      'c-4',
      {
        initiatedAt,
        connectedToSystemAt: new Date('2026-11-25T01:30:12.000Z'),
        disconnectedAt: new Date('2026-11-25T01:34:45.400Z'),
        disconnectReason: 'CUSTOMER_DISCONNECT',
        noResponse: false,
      },
      fallbackNow,
    );

    // Assess
    expect(report).toEqual({
      outcome: 'ANSWERED',
      contactId: 'c-4',
      durationSec: 273,
      startedAt: '2026-11-25T01:30:00.000Z',
      disconnectReason: 'CUSTOMER_DISCONNECT',
    });
  });

  it('is VOICEMAIL when connected but the dialogue heard nobody', () => {
    // Act
    const report = classifyCall(
      'c-5',
      {
        initiatedAt,
        connectedToSystemAt: new Date('2026-11-25T01:30:20.000Z'),
        disconnectedAt: new Date('2026-11-25T01:30:50.000Z'),
        disconnectReason: 'CONTACT_FLOW_DISCONNECT',
        noResponse: true,
      },
      fallbackNow,
    );

    // Assess
    expect(report).toMatchObject({ outcome: 'VOICEMAIL', durationSec: 30 });
  });

  it('uses the fallback time for missing timestamps and never reports a negative duration', () => {
    // Act: connected after the fallback "now" (clock skew) and no disconnect timestamp yet
    const report = classifyCall(
      'c-6',
      { connectedToSystemAt: new Date('2026-11-25T02:00:30.000Z'), noResponse: false },
      fallbackNow,
    );

    // Assess
    expect(report).toMatchObject({
      outcome: 'ANSWERED',
      durationSec: 0,
      startedAt: '2026-11-25T02:00:00.000Z',
    });
  });
});
