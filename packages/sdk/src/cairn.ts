import type { ExtraLoader } from './browser/extras.js';
import { resolveOptions } from './core/options.js';
import type { CairnApi, InitOptions } from './public-api.js';
import { TrackerSession } from './session.js';
import type { Properties, Traits } from './wire.js';

/** Calls made before `init` are kept (bounded) and run once the session exists. */
const maxCallsBeforeInit = 100;

type SessionAction = (session: TrackerSession) => void;

const warn = (message: string, error?: unknown): void => {
  console.warn(`cairn: ${message}`, ...(error === undefined ? [] : [error]));
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Properties and traits must be plain objects; anything else becomes `{}` rather than an error on the page. */
const objectOrEmpty = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * The public `cairn` object. Every method validates its arguments, never throws into the host page, and
 * may be called before `init` (calls are replayed in order, as the snippet's stub does before the script loads).
 */
export function createCairn(loadExtra: ExtraLoader): CairnApi {
  let session: TrackerSession | undefined;
  const beforeInit: SessionAction[] = [];

  const run = (action: SessionAction): void => {
    if (!session) {
      if (beforeInit.length < maxCallsBeforeInit) beforeInit.push(action);
      else warn('call dropped: init was never called');
      return;
    }
    try {
      action(session);
    } catch (error) {
      warn('internal error', error);
    }
  };

  return {
    init(options: InitOptions) {
      if (session) return warn('init was called twice; the second call is ignored');
      const resolved = resolveOptions(options);
      if (typeof resolved === 'string') return warn(resolved);
      try {
        session = new TrackerSession(resolved, loadExtra);
      } catch (error) {
        return warn('could not start', error);
      }
      for (const action of beforeInit.splice(0)) run(action);
    },

    track(event: string, properties?: Properties) {
      if (!nonEmpty(event)) return warn('track needs an event name');
      run((s) => s.record({ type: 'track', event, properties: objectOrEmpty(properties) }));
    },

    page(name?: string, properties?: Properties) {
      // analytics.js also accepts page(properties).
      const [pageName, pageProperties] = isRecord(name) ? [undefined, name] : [name, properties];
      run((s) =>
        s.record({
          type: 'page',
          ...(nonEmpty(pageName) ? { name: pageName } : {}),
          properties: objectOrEmpty(pageProperties),
        }),
      );
    },

    identify(userId?: string | Traits | null, traits?: Traits) {
      const [id, userTraits] = isRecord(userId) ? [undefined, userId] : [userId, traits];
      if (id !== undefined && id !== null && !nonEmpty(id)) return warn('identify needs a non-empty userId');
      run((s) => s.identify(id ?? undefined, objectOrEmpty(userTraits)));
    },

    group(groupId: string, traits?: Traits) {
      if (!nonEmpty(groupId)) return warn('group needs a groupId');
      run((s) => s.record({ type: 'group', groupId, traits: objectOrEmpty(traits) }));
    },

    alias(userId: string, previousId?: string) {
      if (!nonEmpty(userId)) return warn('alias needs a userId');
      run((s) => s.alias(userId, nonEmpty(previousId) ? previousId : undefined));
    },

    reset() {
      run((s) => s.reset());
    },

    flush() {
      if (!session) return Promise.resolve();
      return session.flush().catch((error: unknown) => warn('flush failed', error));
    },

    consent: {
      grant: () => run((s) => s.applyConsent({ type: 'grant' })),
      revoke: () => run((s) => s.applyConsent({ type: 'revoke' })),
    },

    anonymousId: () => session?.anonymousId(),
  };
}
