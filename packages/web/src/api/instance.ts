import { createCairnApi } from './cairn-api';
import { createHttpClient } from './http-client';

/** The dashboard's one HTTP client: same origin as the page, so the session cookie goes along. */
export const http = createHttpClient({ fetch: (input, init) => window.fetch(input, init) });

/** Typed calls for the foundation API; screen areas keep their own typed calls beside them, on the same client. */
export const api = createCairnApi(http);
