import { describe, expect, it } from 'vitest';
import { IdentityGraph } from './identity-graph.js';

function graph() {
  let n = 0;
  return new IdentityGraph(() => `p${++n}`);
}
const ws = 'w1';

describe('identity resolution rules', () => {
  it('links an anonymous visitor to the user who identifies', () => {
    const g = graph();
    const visitor = g.resolve({ workspaceId: ws, userId: null, anonymousId: 'a1' });
    const known = g.resolve({ workspaceId: ws, userId: 'u1', anonymousId: 'a1' });
    expect(known).toBe(visitor);
    expect(g.takePlan().merges).toEqual([]);
  });

  it('merges an anonymous profile into an existing user profile and keeps both histories', () => {
    const g = graph();
    const user = g.resolve({ workspaceId: ws, userId: 'u1', anonymousId: 'phone-app' });
    const laptop = g.resolve({ workspaceId: ws, userId: null, anonymousId: 'laptop' });
    expect(laptop).not.toBe(user);
    expect(g.resolve({ workspaceId: ws, userId: 'u1', anonymousId: 'laptop' })).toBe(user);
    expect(g.takePlan().merges).toEqual([{ workspaceId: ws, from: laptop, into: user }]);
    expect(g.resolve({ workspaceId: ws, userId: null, anonymousId: 'laptop' })).toBe(user);
  });

  it('never fuses two customers who share a browser', () => {
    const g = graph();
    const anna = g.resolve({ workspaceId: ws, userId: 'anna', anonymousId: 'shared' });
    const ben = g.resolve({ workspaceId: ws, userId: 'ben', anonymousId: 'shared' });
    expect(ben).not.toBe(anna);
    expect(g.takePlan().merges).toEqual([]);
    expect(g.resolve({ workspaceId: ws, userId: 'anna', anonymousId: null })).toBe(anna);
  });

  it('alias merges explicitly, but not a profile that belongs to another user', () => {
    const g = graph();
    const old = g.resolve({ workspaceId: ws, userId: 'old-id', anonymousId: null });
    const renamed = g.resolve({ workspaceId: ws, userId: 'new-id', anonymousId: null, previousId: 'old-id' });
    expect(renamed).toBe(old);
    // A shared browser's anonymous id belongs to Carl's profile; aliasing it to Dora must not hand Dora his history.
    const carl = g.resolve({ workspaceId: ws, userId: 'carl', anonymousId: 'family-pc' });
    const dora = g.resolve({ workspaceId: ws, userId: 'dora', anonymousId: null });
    expect(g.resolve({ workspaceId: ws, userId: 'dora', anonymousId: null, previousId: 'family-pc' })).toBe(
      dora,
    );
    expect(g.resolve({ workspaceId: ws, userId: 'carl', anonymousId: null })).toBe(carl);
    expect(g.takePlan().merges).toEqual([]);
  });

  it('attaches e-mail without ever merging through it', () => {
    const g = graph();
    const a = g.resolve({
      workspaceId: ws,
      userId: 'u1',
      anonymousId: null,
      extra: [{ kind: 'email', value: 'x@y.de' }],
    });
    const b = g.resolve({
      workspaceId: ws,
      userId: 'u2',
      anonymousId: null,
      extra: [{ kind: 'email', value: 'x@y.de' }],
    });
    expect(b).not.toBe(a);
    const plan = g.takePlan();
    expect(plan.newIdentities.filter((i) => i.kind === 'email')).toEqual([
      { workspaceId: ws, kind: 'email', value: 'x@y.de', profileId: a },
    ]);
  });

  it('keeps workspaces apart', () => {
    const g = graph();
    expect(g.resolve({ workspaceId: 'w1', userId: 'u', anonymousId: null })).not.toBe(
      g.resolve({ workspaceId: 'w2', userId: 'u', anonymousId: null }),
    );
  });

  it('uses what the store knows', () => {
    const g = graph();
    g.learn(
      [{ workspaceId: ws, kind: 'user_id', value: 'u9', profileId: 'stored' }],
      new Map([['stored', ['u9']]]),
    );
    expect(g.unknown([{ workspaceId: ws, kind: 'user_id', value: 'u9' }])).toEqual([]);
    expect(g.resolve({ workspaceId: ws, userId: 'u9', anonymousId: 'fresh' })).toBe('stored');
  });
});
