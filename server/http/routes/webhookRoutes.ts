import type { Router } from 'express';
import { CreateWebhookEndpointSchema } from '#shared/schemas/webhooks';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  retryWebhookDelivery,
  rotateWebhookSecret,
} from '#server/services/webhooks/endpoints';
import { authOf } from '#server/http/authMiddleware';
import { checkOutboundUrl } from '#server/http/outboundUrl';
import type { AppContext } from '#server/http/context';
import { audit } from '#server/http/audit';
import { idParam } from '#server/http/params';
import { routeModule } from '#server/http/routeModule';

/** Outbound webhook endpoints and their deliveries (admins only). */
export function webhookRoutes(ctx: AppContext): Router {
  const { r, db, now, admin } = routeModule(ctx);
  r.use('/webhook-endpoints', admin);
  r.get('/webhook-endpoints', (_req, res) => {
    res.json({ items: listWebhookEndpoints(db) });
  });
  r.post('/webhook-endpoints', async (req, res) => {
    const body = await CreateWebhookEndpointSchema.superRefine((v, issue) =>
      checkOutboundUrl(v.url, 'url', issue, ctx.config),
    ).parseAsync(req.body);
    const created = createWebhookEndpoint(db, body, authOf(req).agent.id, now());
    audit(ctx, req, {
      action: 'webhook.created',
      detail: { webhookId: created.endpoint.id, url: body.url, events: body.events },
    });
    res.status(201).json(created);
  });
  r.delete('/webhook-endpoints/:id', (req, res) => {
    const webhookId = idParam(req.params.id);
    deleteWebhookEndpoint(db, webhookId);
    audit(ctx, req, { action: 'webhook.deleted', detail: { webhookId } });
    res.json({ ok: true });
  });
  r.get('/webhook-endpoints/:id/deliveries', (req, res) => {
    res.json({ items: listWebhookDeliveries(db, idParam(req.params.id)) });
  });
  r.post('/webhook-endpoints/:id/rotate-secret', (req, res) => {
    const webhookId = idParam(req.params.id);
    const rotated = rotateWebhookSecret(db, webhookId);
    audit(ctx, req, { action: 'webhook.secret_rotated', detail: { webhookId } });
    res.json(rotated);
  });
  r.post('/webhook-endpoints/:id/deliveries/:deliveryId/retry', (req, res) => {
    const webhookId = idParam(req.params.id);
    const deliveryId = idParam(req.params.deliveryId);
    const delivery = retryWebhookDelivery(db, webhookId, deliveryId, now());
    audit(ctx, req, { action: 'webhook.delivery_retried', detail: { webhookId, deliveryId, event: delivery.event } });
    ctx.webhooks.kick();
    res.json({ delivery });
  });
  return r;
}
