import { DEFAULT_SCORING_SIGNALS, LeadFacts, scoreLead, ScoringSignal } from './lead-scoring';

const NOW = new Date('2026-11-27T12:00:00Z');
const facts = (overrides: Partial<LeadFacts> = {}): LeadFacts => ({
  hasEmail: false,
  hasPhone: false,
  inboundMessages: 0,
  quoteRequested: false,
  stageProbability: 0,
  lastActivityAt: NOW,
  ...overrides,
});

describe('lead scoring', () => {
  it('scores nothing for a lead with no signals', () => {
    expect(scoreLead(DEFAULT_SCORING_SIGNALS, facts(), NOW)).toBe(0);
  });

  it('adds the weight of each signal that holds', () => {
    expect(scoreLead(DEFAULT_SCORING_SIGNALS, facts({ hasEmail: true }), NOW)).toBe(15);
    expect(scoreLead(DEFAULT_SCORING_SIGNALS, facts({ hasEmail: true, hasPhone: true }), NOW)).toBe(30);
    expect(scoreLead(DEFAULT_SCORING_SIGNALS, facts({ quoteRequested: true }), NOW)).toBe(25);
  });

  it('counts messages only from the threshold on', () => {
    expect(scoreLead(DEFAULT_SCORING_SIGNALS, facts({ inboundMessages: 2 }), NOW)).toBe(0);
    expect(scoreLead(DEFAULT_SCORING_SIGNALS, facts({ inboundMessages: 3 }), NOW)).toBe(20);
  });

  it('weighs the stage probability proportionally and rounds', () => {
    expect(scoreLead(DEFAULT_SCORING_SIGNALS, facts({ stageProbability: 50 }), NOW)).toBe(13);
    expect(scoreLead(DEFAULT_SCORING_SIGNALS, facts({ stageProbability: 100 }), NOW)).toBe(25);
  });

  it('decays per whole day of inactivity, capped at max', () => {
    const strong = { hasEmail: true, hasPhone: true, quoteRequested: true, inboundMessages: 5 };
    const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000 - 1000);
    expect(scoreLead(DEFAULT_SCORING_SIGNALS, facts({ ...strong, lastActivityAt: daysAgo(0) }), NOW)).toBe(75);
    expect(scoreLead(DEFAULT_SCORING_SIGNALS, facts({ ...strong, lastActivityAt: daysAgo(3) }), NOW)).toBe(69);
    expect(scoreLead(DEFAULT_SCORING_SIGNALS, facts({ ...strong, lastActivityAt: daysAgo(400) }), NOW)).toBe(45);
  });

  it('never leaves 0–100', () => {
    const generous: ScoringSignal[] = [{ type: 'has_email', weight: 500 }];
    const harsh: ScoringSignal[] = [{ type: 'inactivity_decay', perDay: 50, max: 500 }];
    expect(scoreLead(generous, facts({ hasEmail: true }), NOW)).toBe(100);
    expect(scoreLead(harsh, facts({ lastActivityAt: new Date(NOW.getTime() - 10 * 86_400_000) }), NOW)).toBe(0);
  });

  it('ignores a future last activity (clock skew) instead of adding points', () => {
    const harsh: ScoringSignal[] = [{ type: 'has_email', weight: 10 }, { type: 'inactivity_decay', perDay: 5, max: 50 }];
    expect(scoreLead(harsh, facts({ hasEmail: true, lastActivityAt: new Date(NOW.getTime() + 86_400_000 * 3) }), NOW)).toBe(10);
  });
});
