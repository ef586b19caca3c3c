/**
 * Copy-paste instructions for sending events with a write key. The HTTP one follows the Segment spec Cairn speaks:
 * POST /v1/track with the write key as the Basic-auth user and an empty password.
 * The SDK one uses the browser SDK's ESM entry (packages/sdk/src/index.ts: `cairn.init({ writeKey, host })`);
 * keep it in step with that package's public API.
 */
export interface InstallSnippets {
  sdk: string;
  http: string;
}

/** Single quotes are the only character that could break out of the shell-quoted strings below. */
const shellQuoted = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

export function installSnippets(host: string, writeKey: string): InstallSnippets {
  const base = host.replace(/\/+$/, '');
  const sdk = [
    'npm install @cairn/sdk',
    '',
    "import { cairn } from '@cairn/sdk';",
    '',
    `cairn.init({ writeKey: ${JSON.stringify(writeKey)}, host: ${JSON.stringify(base)} });`,
    'cairn.page();',
    "cairn.track('Signed Up', { plan: 'trial' });",
  ].join('\n');
  const event = JSON.stringify({
    event: 'Test Event',
    anonymousId: 'setup-guide',
    properties: { source: 'cairn-dashboard' },
  });
  const http = [
    `curl -X POST ${shellQuoted(`${base}/v1/track`)} \\`,
    `  -u ${shellQuoted(`${writeKey}:`)} \\`,
    "  -H 'Content-Type: application/json' \\",
    `  -d ${shellQuoted(event)}`,
  ].join('\n');
  return { sdk, http };
}
