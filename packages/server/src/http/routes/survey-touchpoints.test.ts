import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveSurvey } from '../../domains/surveys/survey-fixtures.js';
import { basicAuth, workspaceWithWriteKey } from '../../test-support/ingest.js';
import { adminHeaders, startTestApp, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
let workspaceId: string;
let auth: { authorization: string };
let clock = new Date('2026-03-02T10:00:00Z');

beforeEach(async () => {
  clock = new Date('2026-03-02T10:00:00Z');
  t = await startTestApp({}, () => clock);
  const ws = await workspaceWithWriteKey(t.app);
  workspaceId = ws.workspaceId;
  auth = { authorization: basicAuth(ws.writeKey) };
});
afterEach(() => t.close());

const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1/workspaces/${workspaceId}${url}`, headers: adminHeaders, payload });
const eligible = (query: Record<string, string>) =>
  t.app.inject({ method: 'GET', url: `/v1/surveys/eligible?${new URLSearchParams(query)}`, headers: auth });
const submit = (surveyId: string, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `/v1/surveys/${surveyId}/responses`, headers: auth, payload });

async function touchpoint(name: string, stage: string, rules: unknown[]): Promise<string> {
  const created = await api('POST', '/touchpoints', { name, channel: 'web', stage, rules });
  expect(created.statusCode).toBe(201);
  return created.json().id;
}

const npsAnswer = (clientKey: string, anonymousId: string, extra: Record<string, unknown> = {}) => ({
  clientKey,
  anonymousId,
  answers: [
    { questionId: 'nps', value: 4 },
    { questionId: 'why', value: 'Slow' },
  ],
  completed: true,
  ...extra,
});

describe('surveys at touchpoints', () => {
  it('offers a survey where the registry maps the page or event, and records the answer there', async () => {
    const checkout = await touchpoint('Checkout', 'Purchase', [{ urlPattern: '/checkout/*' }]);
    const delivery = await touchpoint('Delivery by DHL', 'Deliver', [
      { event: 'Order Delivered', properties: [{ name: 'carrier', value: 'DHL' }] },
    ]);
    const atCheckout = await liveSurvey(t.app, workspaceId, {
      settings: { trigger: { touchpoints: [checkout] } },
    });

    const offered = await eligible({ anonymousId: 'a-1', url: 'https://shop.example/checkout/pay?x=1' });
    expect(offered.json().survey).toMatchObject({ id: atCheckout, touchpointId: checkout });
    expect(
      (await eligible({ anonymousId: 'a-1', url: 'https://shop.example/cart' })).json().survey,
    ).toBeNull();

    const afterDelivery = await liveSurvey(t.app, workspaceId, {
      name: 'After delivery',
      settings: { trigger: { touchpoints: [delivery] } },
    });
    const dhl = {
      anonymousId: 'a-2',
      event: 'Order Delivered',
      properties: JSON.stringify({ carrier: 'DHL' }),
    };
    expect((await eligible(dhl)).json().survey).toMatchObject({ id: afterDelivery, touchpointId: delivery });
    const ups = { ...dhl, properties: JSON.stringify({ carrier: 'UPS' }) };
    expect((await eligible(ups)).json().survey).toBeNull();
    const broken = await eligible({ ...dhl, properties: '[1,2' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.message).toContain('querystring.properties');

    // The visitor's page view before answering maps to the checkout too: the stage comes with the answer.
    await t.app.inject({
      method: 'POST',
      url: '/v1/page',
      headers: auth,
      payload: { anonymousId: 'a-1', context: { page: { url: 'https://shop.example/checkout/pay' } } },
    });
    const answered = await submit(atCheckout, npsAnswer('key-checkout-1', 'a-1', { touchpointId: checkout }));
    expect(answered.statusCode).toBe(200);
    const [response] = (await api('GET', `/surveys/${atCheckout}/responses`)).json().items;
    expect(response).toMatchObject({ touchpointId: checkout, journeyStage: 'Purchase' });
    expect(response.journeyContext.lastSteps.at(-1)).toMatchObject({ type: 'page', touchpointId: checkout });

    clock = new Date(clock.getTime() + 60_000); // relative windows end now, exclusive
    const coverage = (await api('GET', '/touchpoints/coverage?last=30d')).json().items;
    expect(coverage.find((c: { id: string }) => c.id === checkout)).toMatchObject({
      measured: true,
      responses: 1,
    });
    expect(coverage.find((c: { id: string }) => c.id === delivery)).toMatchObject({ measured: false });
  });

  it('records link and e-mail answers at the touchpoint the survey measures', async () => {
    const delivery = await touchpoint('Delivery', 'Deliver', [{ event: 'Order Delivered' }]);
    const surveyId = await liveSurvey(t.app, workspaceId, { settings: { touchpointId: delivery } });
    expect((await submit(surveyId, npsAnswer('key-link-1', 'b-1'))).statusCode).toBe(200);
    const [response] = (await api('GET', `/surveys/${surveyId}/responses`)).json().items;
    expect(response).toMatchObject({ touchpointId: delivery, journeyStage: 'Deliver' });
  });

  it('refuses touchpoints that do not exist, and stores nothing', async () => {
    const unknown = '01934f5e-7b2a-7c3d-8e4f-123456789abc';
    const refused = await api('POST', '/surveys', {
      name: 'Bad',
      definition: { defaultLanguage: 'en', questions: [{ id: 'q', type: 'nps', title: { en: 'Q?' } }] },
      settings: { trigger: { touchpoints: [unknown] } },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain('body.settings.trigger.touchpoints.0');
    expect((await api('GET', '/surveys')).json().items).toHaveLength(0);

    const surveyId = await liveSurvey(t.app, workspaceId);
    const wrong = await submit(surveyId, npsAnswer('key-wrong-1', 'c-1', { touchpointId: unknown }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toContain('body.touchpointId');
    expect((await api('GET', `/surveys/${surveyId}/responses`)).json().items).toHaveLength(0);
  });

  it('follows a changed mapping rule at once', async () => {
    const checkout = await touchpoint('Checkout', 'Purchase', [{ urlPattern: '/checkout/*' }]);
    await liveSurvey(t.app, workspaceId, { settings: { trigger: { touchpoints: [checkout] } } });
    expect(
      (await eligible({ anonymousId: 'd-1', url: 'https://shop.example/kasse/1' })).json().survey,
    ).toBeNull();
    const changed = await api('PATCH', `/touchpoints/${checkout}`, { rules: [{ urlPattern: '/kasse/*' }] });
    expect(changed.statusCode).toBe(200);
    expect(
      (await eligible({ anonymousId: 'd-1', url: 'https://shop.example/kasse/1' })).json().survey,
    ).not.toBeNull();
    expect(
      (await eligible({ anonymousId: 'd-1', url: 'https://shop.example/checkout/1' })).json().survey,
    ).toBeNull();
  });
});
