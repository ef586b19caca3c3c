import type { TFunction } from 'i18next';
import { touchpointChannels } from './touchpoint-draft';

type KnownChannel = (typeof touchpointChannels)[number];
const isKnownChannel = (value: string): value is KnownChannel =>
  (touchpointChannels as readonly string[]).includes(value);

/** A channel in the reader's language; a channel this dashboard does not know yet is shown as sent. */
export function channelLabel(t: TFunction, channel: string): string {
  return isKnownChannel(channel) ? t(`touchpoints.channels.${channel}`) : channel;
}
