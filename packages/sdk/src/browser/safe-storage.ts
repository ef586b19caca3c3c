/**
 * Web Storage that never throws: storage can be disabled, full (QuotaExceededError) or blocked for third-party
 * frames, and analytics must not break the host page because of it.
 */
export interface KeyValueStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
  keys(): string[];
}

export function safeStorage(pick: () => Storage): KeyValueStorage {
  const withStorage = <T>(fallback: T, use: (storage: Storage) => T): T => {
    try {
      return use(pick());
    } catch {
      return fallback;
    }
  };
  return {
    get: (key) => withStorage(null, (storage) => storage.getItem(key)),
    set: (key, value) => withStorage(undefined, (storage) => storage.setItem(key, value)),
    remove: (key) => withStorage(undefined, (storage) => storage.removeItem(key)),
    keys: () =>
      withStorage([], (storage) =>
        Array.from({ length: storage.length }, (_, index) => storage.key(index)).filter(
          (key): key is string => key !== null,
        ),
      ),
  };
}

export const localStore = safeStorage(() => window.localStorage);
export const sessionStore = safeStorage(() => window.sessionStorage);

export function readJson<T>(
  storage: KeyValueStorage,
  key: string,
  isValid: (value: unknown) => value is T,
): T | undefined {
  const text = storage.get(key);
  if (text === null) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isValid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
