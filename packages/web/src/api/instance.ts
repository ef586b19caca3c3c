import { createCairnApi } from './cairn-api';
import { createHttpClient } from './http-client';

/** The dashboard's one API client: same origin as the page, so the session cookie goes along. */
export const api = createCairnApi(createHttpClient({ fetch: (input, init) => window.fetch(input, init) }));
