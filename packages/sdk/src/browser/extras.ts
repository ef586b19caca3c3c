import type { SurveyExtra } from '../survey/extra.js';
import type { WebVitalsExtra } from '../web-vitals/types.js';

/** Optional features kept out of the core bundle and loaded on demand. */
export interface Extras {
  'web-vitals': WebVitalsExtra;
  survey: SurveyExtra;
}

export type ExtraLoader = <Name extends keyof Extras>(name: Name) => Promise<Extras[Name]>;

/**
 * For the IIFE build: an extra is the sibling file `cairn-<name>.min.js` of the core script, loaded with a
 * <script> tag that carries the core script's CSP nonce (nonce-based `script-src` policies then allow it).
 */
export function scriptExtraLoader(coreScript: HTMLScriptElement | null): ExtraLoader {
  return (name) =>
    new Promise((resolve, reject) => {
      const registered = window.__cairnExtras?.[name];
      if (registered) return resolve(registered);
      if (!coreScript?.src)
        return reject(new Error('cannot locate extras: the core was not loaded by <script src>'));
      const script = document.createElement('script');
      script.src = new URL(`cairn-${name}.min.js`, coreScript.src).href;
      script.async = true;
      if (coreScript.nonce) script.nonce = coreScript.nonce;
      script.onload = () => {
        const extra = window.__cairnExtras?.[name];
        if (extra) resolve(extra);
        else reject(new Error(`${script.src} did not register ${name}`));
      };
      script.onerror = () => reject(new Error(`could not load ${script.src}`));
      document.head.appendChild(script);
    });
}
