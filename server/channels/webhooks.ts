import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import { sendError } from '#server/http/errors';
import { logRefusal, storeParsed } from './kit/webhookKit';
import type { ChannelHost, ChannelRegistry, Webhook, WebhookAnswer, WebhookRequest, WebhookRoute } from './types';

/** The distinct provider webhooks of the registry (channels of one provider share one object). */
export function webhooksOf(registry: ChannelRegistry): Webhook[] {
  const seen = new Set<Webhook>();
  for (const adapter of Object.values(registry)) for (const hook of adapter.webhooks ?? []) seen.add(hook);
  return [...seen];
}

/**
 * Provider webhooks under /webhooks, mounted by looping over the registry. Mounted before any JSON
 * parser: each POST captures the raw bytes itself (signatures are computed over them), and every
 * endpoint answers 404 while its channel is off — before its body is read.
 */
export function webhookRouter(host: ChannelHost, registry: ChannelRegistry): Router {
  const router = Router();
  for (const hook of webhooksOf(registry)) {
    const r = Router();
    for (const route of hook.routes) {
      const handlers: RequestHandler[] = [gate(host, hook, route)];
      if (route.method === 'POST') handlers.push(express.raw({ type: () => true, limit: host.config.BODY_LIMIT }));
      handlers.push((req, res) => handle(host, hook, route, req, res));
      if (route.method === 'GET') r.get(route.path, ...handlers);
      else r.post(route.path, ...handlers);
    }
    router.use(`/${hook.name}`, r);
  }
  return router;
}

function gate(host: ChannelHost, hook: Webhook, route: WebhookRoute): RequestHandler {
  return (_req, res, next) => {
    if (route.enabled(host.config)) return next();
    sendError(res, 404, `the ${hook.label} channel is not configured`, 'channel_not_configured');
  };
}

/**
 * Verify, parse, store, answer. Storing goes through the group commit: the answer is sent only
 * after the transaction holding this delivery's messages has committed (an error of its own is
 * answered by the error handler, express passes the rejected promise on).
 */
function handle(
  host: ChannelHost,
  hook: Webhook,
  route: WebhookRoute,
  req: Request,
  res: Response,
): Promise<void> | undefined {
  const wreq: WebhookRequest = {
    raw: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
    header: (name) => req.get(name),
    originalUrl: req.originalUrl,
    query: req.query,
  };
  const refusal = route.verify(wreq, host.config);
  if (refusal) {
    logRefusal(
      hook.name,
      `${req.method} ${req.originalUrl.split('?')[0]}`,
      req.ip ?? '?',
      refusal.status,
      refusal.reason,
    );
    const code = refusal.status === 401 ? 'missing_signature' : 'invalid_signature';
    sendError(res, refusal.status, refusal.reason, code);
    return;
  }
  const { parsed, answer } = route.handle(wreq, host.config);
  if (!parsed) {
    send(res, answer);
    return;
  }
  return host.commits.submit(() => storeParsed(host, hook.name, parsed)).then(() => send(res, answer));
}

function send(res: Response, answer: WebhookAnswer): void {
  res.status(answer.status);
  if (answer.body === undefined) return void res.end();
  if (answer.type === 'json' || answer.type === undefined) return void res.json(answer.body);
  res.type(answer.type).send(answer.body);
}
