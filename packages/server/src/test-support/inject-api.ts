import { apiErrorFrom, parseJsonAnswer } from '../cli/api-client.js';
import type { JsonApi } from '../domains/demo/json-api.js';
import { adminHeaders, type TestApp } from './test-app.js';

/** For tests: the API as the CLI's in-process mode reaches it, inject() on the real app, errors carrying their status. */
export function injectApi(test: TestApp): JsonApi {
  return {
    async json<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<T> {
      const response = await test.app.inject({
        method,
        url,
        headers: adminHeaders,
        ...(body === undefined ? {} : { payload: body as object }),
      });
      if (response.statusCode >= 300) throw apiErrorFrom(response.statusCode, response.body);
      return parseJsonAnswer<T>(response.statusCode, response.body);
    },
  };
}
