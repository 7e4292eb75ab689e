import type { Server } from 'node:http';
import type { AppContext } from '../http/context';

/** Long-running channel listeners (SMTP server, widget namespace) started with the app. */
export interface ChannelServices {
  close(): Promise<void>;
}

/** Start the channel listeners whose settings are present. */
export async function startChannelServices(_ctx: AppContext, _server: Server): Promise<ChannelServices> {
  return { close: async () => undefined };
}
