import { availableActions, awaitingApproval, deadlineState } from './appeal-filter.util';
import { appealView } from './appeal.fixture';

const NOW = Date.parse('2026-11-22T00:00:00Z');

describe('appeal filters', () => {
  it('tells breached, due-soon and on-time apart, and never flags decided appeals', () => {
    expect(deadlineState({ status: 'in-review', decisionDueAt: '2026-11-21T23:00:00Z' }, NOW)).toBe('breached');
    expect(deadlineState({ status: 'assigned', decisionDueAt: '2026-11-22T04:00:00Z' }, NOW)).toBe('due-soon');
    expect(deadlineState({ status: 'assigned', decisionDueAt: '2026-11-22T12:00:00Z' }, NOW)).toBe('on-time');
    expect(deadlineState({ status: 'assigned', decisionDueAt: '2026-11-25T00:00:00Z' }, NOW)).toBe('on-time');
    expect(deadlineState({ status: 'decided', decisionDueAt: '2026-11-01T00:00:00Z' }, NOW)).toBe('on-time');
  });

  it('lists only decisions waiting for a second person', () => {
    const decision = {
      outcome: 'corrected' as const,
      reason: 'r',
      override: null,
      factCorrected: false,
      decidedAt: '2026-11-21T00:00:00Z',
    };
    const items = [
      appealView({ number: 1, status: 'decided', decision: { ...decision, approval: 'pending' } }),
      appealView({ number: 2, status: 'decided', decision: { ...decision, approval: 'not-needed' } }),
    ];
    expect(awaitingApproval(items).map((a) => a.number)).toEqual([1]);
  });

  it('offers the next steps of the state machine', () => {
    expect(availableActions({ status: 'assigned', decision: null }, false)).toEqual({
      startReview: true,
      requestInfo: true,
      decide: false,
      approve: false,
      close: false,
    });
    expect(availableActions({ status: 'in-review', decision: null }, false)).toMatchObject({
      decide: true,
      requestInfo: true,
    });
    const pending = {
      outcome: 'corrected' as const,
      reason: 'r',
      override: null,
      factCorrected: false,
      decidedAt: '',
      approval: 'pending' as const,
    };
    expect(availableActions({ status: 'decided', decision: pending }, true)).toMatchObject({
      approve: true,
      close: false,
    });
    expect(availableActions({ status: 'decided', decision: pending }, false)).toMatchObject({ approve: false });
  });
});
