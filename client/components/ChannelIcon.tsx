import type { ChannelKind } from '../../shared/channels';
import { CHANNEL_LABELS } from '../../shared/channels';

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

/** Small coloured badge naming a channel (the label is what screen readers hear). */
export function ChannelIcon({ channel }: { channel: ChannelKind }) {
  const g = GLYPH[channel];
  return (
    <span className="channel-icon" style={{ background: g.color }} title={CHANNEL_LABELS[channel]} aria-label={CHANNEL_LABELS[channel]} role="img">
      {g.text}
    </span>
  );
}
