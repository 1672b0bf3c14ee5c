import { ProblemException } from '@saler/platform';
import { legacySession } from './legacy-session';

describe('legacySession', () => {
  it.each([
    ['fb_2481937465012345', 'messenger', '2481937465012345'],
    ['web_v8f3k2m9q1x7c4d6', 'web', 'v8f3k2m9q1x7c4d6'],
    ['line_U4af4980629e1b0e7c6a5d4e3f2a1b0c9', 'line', 'U4af4980629e1b0e7c6a5d4e3f2a1b0c9'],
    ['tg_-100123', 'telegram', '-100123'],
    ['wa_66812345678', 'whatsapp', '66812345678'],
    ['web_visitor_with_underscores', 'web', 'visitor_with_underscores'],
  ])('%s is a %s session of user %s', (sessionId, channelType, platformUserId) => expect(legacySession(sessionId)).toEqual({ channelType, platformUserId }));

  it.each(['ig_123', 'fb123', 'fb_', 'FB_123', 'constructor_1', '_123', `fb_${'1'.repeat(178)}`])('refuses %s', (sessionId) => expect(() => legacySession(sessionId)).toThrow(ProblemException));

  it('names the prefixes it knows', () => expect(() => legacySession('ig_123')).toThrow('Session id "ig_123" does not start with fb_, web_, line_, tg_, wa_'));
});
