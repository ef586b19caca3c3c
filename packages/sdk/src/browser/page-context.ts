import { parseCampaign } from '../core/campaign.js';
import { libraryName, sdkVersion } from '../version.js';
import type { MessageContext, PageContext } from '../wire.js';

/** Segment `context.page`; the URL without its fragment, as analytics.js sends it. */
export function currentPage(): PageContext {
  return {
    url: location.href.split('#')[0] ?? location.href,
    path: location.pathname,
    referrer: document.referrer,
    title: document.title,
    search: location.search,
  };
}

function timeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Collected per message, because single-page apps change URL and title without reloading the SDK. */
export function collectContext(): MessageContext {
  const campaign = parseCampaign(location.search);
  const zone = timeZone();
  return {
    library: { name: libraryName, version: sdkVersion },
    channel: 'web',
    page: currentPage(),
    userAgent: navigator.userAgent,
    locale: navigator.language,
    ...(zone ? { timezone: zone } : {}),
    screen: { width: screen.width, height: screen.height, density: window.devicePixelRatio },
    ...(campaign ? { campaign } : {}),
  };
}
