import { type StubCall, stubConsentMethodNames, stubMethodNames } from '../public-api.js';

type Recorder = (...args: unknown[]) => void;

/** An array of recorded calls that also has the SDK's method names, so `cairn.track(...)` works before load. */
export type CairnStub = StubCall[] & {
  [method: string]: unknown;
  consent?: Record<string, Recorder>;
  load?: (scriptUrl: string) => void;
  loadRequested?: boolean;
};

export interface StubHost {
  cairn?: unknown;
  document: Pick<Document, 'createElement' | 'head' | 'currentScript'>;
}

/**
 * The snippet pasted into a page's <head> (built to dist/snippet.min.js), in the manner of Segment's analytics.js
 * snippet: it defines `window.cairn` as a recorder at once, so the page can call the API before the real script
 * has arrived, and `cairn.load(url)` adds that script asynchronously. The SDK replays the recorded calls.
 */
export function installCairnStub(host: StubHost): void {
  // The real SDK is already there (snippet pasted twice, or loaded after the script): leave it alone.
  if (host.cairn !== undefined && !Array.isArray(host.cairn)) return;
  const stub = (host.cairn ?? []) as CairnStub;
  const recorder =
    (name: string): Recorder =>
    (...args) => {
      stub.push([name, ...args]);
    };
  for (const name of stubMethodNames) stub[name] = recorder(name);
  stub.consent = {};
  for (const name of stubConsentMethodNames) stub.consent[name] = recorder(`consent.${name}`);
  stub.load = (scriptUrl) => {
    if (stub.loadRequested) return;
    stub.loadRequested = true;
    const script = host.document.createElement('script');
    script.async = true;
    script.src = scriptUrl;
    // Under a nonce-based CSP the snippet's own <script nonce> is allowed; pass the nonce on to the SDK.
    const snippet = host.document.currentScript as HTMLScriptElement | null;
    if (snippet?.nonce) script.nonce = snippet.nonce;
    host.document.head.appendChild(script);
  };
  host.cairn = stub;
}
