import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceWithWriteKey } from '../../test-support/ingest.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { journeyApi } from './journey-test-support.js';

describe('journey definitions (CRUD)', () => {
  let t: TestApp;
  let api: ReturnType<typeof journeyApi>;
  let checkout: string;
  let other: ReturnType<typeof journeyApi>;

  beforeAll(async () => {
    t = await startTestApp();
    const { workspaceId } = await workspaceWithWriteKey(t.app, 'Journeys');
    api = journeyApi(t, workspaceId);
    checkout = await api.touchpoint('Checkout', [{ urlPattern: '/checkout*' }], 'Purchase');
    other = journeyApi(t, (await workspaceWithWriteKey(t.app, 'Other')).workspaceId);
  });
  afterAll(() => t.close());

  const stages = () => [
    { key: 'discover', name: 'Discover', touchpointIds: [], events: ['Product Viewed'] },
    { key: 'purchase', name: 'Purchase', touchpointIds: [checkout], events: ['Order Completed'] },
  ];

  it('creates, reads, lists, replaces and deletes a journey', async () => {
    const created = await api.call('POST', '/journeys', { name: 'Online', stages: stages() });
    expect(created.statusCode).toBe(201);
    const journey = created.json();
    expect(journey).toMatchObject({ name: 'Online', description: '', stages: stages() });
    expect(journey.createdAt).toBe(journey.updatedAt);

    expect((await api.call('GET', `/journeys/${journey.id}`)).json()).toEqual(journey);
    expect((await api.call('GET', '/journeys')).json().items).toEqual([journey]);

    const replaced = await api.call('PUT', `/journeys/${journey.id}`, {
      name: 'Online shop',
      description: 'Web only',
      stages: stages().reverse(),
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({
      id: journey.id,
      name: 'Online shop',
      description: 'Web only',
      createdAt: journey.createdAt,
    });
    expect(replaced.json().stages.map((s: { key: string }) => s.key)).toEqual(['purchase', 'discover']);

    expect((await api.call('DELETE', `/journeys/${journey.id}`)).statusCode).toBe(204);
    expect((await api.call('GET', `/journeys/${journey.id}`)).statusCode).toBe(404);
    expect((await api.call('DELETE', `/journeys/${journey.id}`)).statusCode).toBe(404);
  });

  it('refuses bad stages with a 400 naming the field and stores nothing', async () => {
    const unknownTouchpoint = '01890000-0000-7000-8000-000000000000';
    const cases: [object, string][] = [
      [
        {
          name: 'X',
          stages: [stages()[0], { ...stages()[1], touchpointIds: [checkout, unknownTouchpoint] }],
        },
        'body.stages.1.touchpointIds.1',
      ],
      [{ name: 'X', stages: [stages()[0], { ...stages()[1], key: 'discover' }] }, 'body.stages.1.key'],
      [{ name: 'X', stages: [{ ...stages()[0], events: [] }] }, 'body.stages.0'],
      [{ name: 'X', stages: [] }, 'body.stages'],
      [
        { name: 'X', stages: Array.from({ length: 13 }, (_, i) => ({ ...stages()[0], key: `s${i}` })) },
        'body.stages',
      ],
      [
        { name: 'X', stages: [{ ...stages()[0], touchpointIds: ['not-a-uuid'] }] },
        'body.stages.0.touchpointIds.0',
      ],
    ];
    for (const [payload, field] of cases) {
      const res = await api.call('POST', '/journeys', payload);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.code).toBe('CAIRN_VALIDATION_FAILED');
      expect(JSON.stringify(res.json().error), field).toContain(field);
    }
    expect((await api.call('GET', '/journeys')).json().items).toEqual([]);
  });

  it("refuses another workspace's touchpoint and keeps journeys apart", async () => {
    const res = await other.call('POST', '/journeys', { name: 'Theirs', stages: stages() });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error)).toContain('body.stages.1.touchpointIds.0');
    const mine = (await api.call('POST', '/journeys', { name: 'Mine', stages: stages() })).json();
    expect((await other.call('GET', `/journeys/${mine.id}`)).statusCode).toBe(404);
    expect(
      (await other.call('PUT', `/journeys/${mine.id}`, { name: 'x', stages: [stages()[0]] })).statusCode,
    ).toBe(404);
  });
});
