import { Router } from 'express';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppContext } from '#server/http/context';
import { widgetDemoPage } from './widgetDemoPage';

/** Where `vite build --config vite.widget.config.ts` puts the embeddable script. */
const WIDGET_FILE = join(resolve(dirname(fileURLToPath(import.meta.url)), '../../..'), 'dist', 'widget', 'widget.js');

/** Public, unauthenticated channel assets (the web-chat widget script and its demo page). */
export function publicChannelRoutes(_ctx: AppContext): Router {
  const r = Router();
  r.get('/widget.js', (_req, res) => {
    // Short cache: sites embed this URL forever, and a new Braid version must reach them.
    res.set('Cache-Control', 'public, max-age=300');
    if (!existsSync(WIDGET_FILE)) {
      res.status(404).type('application/javascript').send('/* Braid widget is not built: run `npm run build` */');
      return;
    }
    res.type('application/javascript').sendFile(WIDGET_FILE);
  });
  r.get('/widget-demo', (_req, res) => {
    res.set('Cache-Control', 'no-cache');
    res.type('html').send(widgetDemoPage());
  });
  return r;
}
