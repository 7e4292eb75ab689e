import { useTranslation } from 'react-i18next';
import type { ChannelKind } from '#shared/channels';
import { CHANNEL_LABELS } from '#shared/channels';

const GLYPH: Record<ChannelKind, { text: string; color: string }> = {
  api: { text: 'API', color: '#475569' },
  webchat: { text: 'Chat', color: '#4f46e5' },
  email: { text: '@', color: '#1e40af' },
  sms: { text: 'SMS', color: '#0f766e' },
  whatsapp: { text: 'WA', color: '#15803d' },
  voice: { text: 'VM', color: '#9333ea' },
  messenger: { text: 'M', color: '#2563eb' },
  instagram: { text: 'IG', color: '#a21caf' },
  telegram: { text: 'TG', color: '#0369a1' },
  line: { text: 'LINE', color: '#166534' },
};

/** The channel's name in the UI language (brand names stay as they are). */
export function useChannelLabel(): (c: ChannelKind) => string {
  const { t } = useTranslation();
  return (c) => t(`channel.${c}`, { defaultValue: CHANNEL_LABELS[c] });
}

/** Small coloured badge naming a channel (the label is what screen readers hear, unless it only decorates a label). */
export function ChannelIcon({ channel, decorative = false }: { channel: ChannelKind; decorative?: boolean }) {
  const label = useChannelLabel()(channel);
  const g = GLYPH[channel];
  if (decorative) {
    return (
      <span className="channel-icon" style={{ background: g.color }} aria-hidden="true">
        {g.text}
      </span>
    );
  }
  return (
    <span className="channel-icon" style={{ background: g.color }} title={label} aria-label={label} role="img">
      {g.text}
    </span>
  );
}
