import { useTranslation } from 'react-i18next';
import { channels } from '../filters/global-filters';

type Channel = (typeof channels)[number];
const isChannel = (value: string): value is Channel => (channels as readonly string[]).includes(value);

export function useChannelLabel(): (channel: string) => string {
  const { t } = useTranslation();
  return (channel) => (isChannel(channel) ? t(`common.channels.${channel}`) : channel);
}

/** A channel as a small label with a coloured edge; the colour only repeats the text, it never carries meaning alone. */
export function ChannelBadge({ channel }: { channel: string }) {
  const label = useChannelLabel();
  const known = isChannel(channel) ? channel : 'other';
  return <span className={`channel-badge channel-${known}`}>{label(channel)}</span>;
}
