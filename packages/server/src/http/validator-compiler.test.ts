import Fastify from 'fastify';
import Type from 'typebox';
import { afterAll, describe, expect, it } from 'vitest';
import { partAwareValidatorCompiler } from './validator-compiler.js';

const app = Fastify();
app.setValidatorCompiler(partAwareValidatorCompiler());
app.post(
  '/echo',
  {
    schema: {
      querystring: Type.Object({
        n: Type.Optional(Type.Number()),
        tags: Type.Optional(Type.Array(Type.String())),
        limit: Type.Integer({ default: 50 }),
      }),
      body: Type.Object({ value: Type.Union([Type.Number(), Type.String(), Type.Boolean()]) }),
    },
  },
  async (request) => ({ query: request.query, body: request.body }),
);
afterAll(() => app.close());

describe('request validation', () => {
  it('keeps JSON bodies exactly as sent: true stays true, "5" stays text', async () => {
    for (const value of [true, false, '5', 0, 'true']) {
      const response = await app.inject({ method: 'POST', url: '/echo', payload: { value } });
      expect(response.json().body.value).toStrictEqual(value);
    }
    const wrong = await app.inject({ method: 'POST', url: '/echo', payload: { value: null } });
    expect(wrong.statusCode).toBe(400);
  });

  it('still reads numbers, lists and defaults from the query string', async () => {
    const response = await app.inject({ method: 'POST', url: '/echo?n=5&tags=a', payload: { value: 1 } });
    expect(response.json().query).toEqual({ n: 5, tags: ['a'], limit: 50 });
    expect((await app.inject({ method: 'POST', url: '/echo?n=x', payload: { value: 1 } })).statusCode).toBe(
      400,
    );
  });
});
