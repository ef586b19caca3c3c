/**
 * The one thing the demo loader needs from the CLI: JSON calls to Cairn's HTTP API, answered or rejected with an
 * error carrying the HTTP status (the CLI's ApiClient satisfies it, whether it talks to a server or in-process).
 */
export interface JsonApi {
  json<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
}

export const statusOf = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number'
    ? (error as { status: number }).status
    : undefined;
