import type { Router } from 'express';
import {
  CreateAgentRequestSchema,
  CreateApiKeyRequestSchema,
  TeamPatchRequestSchema,
  TeamRequestSchema,
  UpdateAgentRequestSchema,
} from '#shared/schemas/agent';
import {
  createAgent,
  createTeam,
  getAgent,
  listAgents,
  listTeams,
  updateAgent,
  updateTeam,
} from '#server/services/agents';
import { createApiKey, listApiKeys, revokeApiKey } from '#server/services/apiKeys';
import { authOf } from '#server/http/authMiddleware';
import { checkOutboundUrl } from '#server/http/outboundUrl';
import type { AppContext } from '#server/http/context';
import { audit } from '#server/http/audit';
import { idParam } from '#server/http/params';
import { routeModule } from '#server/http/routeModule';

/** Agents, teams and API keys: everyone may list agents and teams; admins change them. */
export function adminRoutes(ctx: AppContext): Router {
  const { r, db, now, admin } = routeModule(ctx);
  const presenceOf = (agentId: number) => ctx.realtime.presence.of(agentId);

  r.get('/agents', (_req, res) => {
    res.json({ items: listAgents(db, presenceOf) });
  });
  r.post('/agents', admin, async (req, res) => {
    const body = CreateAgentRequestSchema.parse(req.body);
    const agentId = await createAgent(db, body, now());
    audit(ctx, req, { action: 'agent.created', detail: { agentId, role: body.role, teamIds: body.teamIds } });
    res.status(201).json(getAgent(db, agentId, presenceOf));
  });
  r.patch('/agents/:id', admin, (req, res) => {
    const agentId = idParam(req.params.id);
    const patch = UpdateAgentRequestSchema.parse(req.body);
    const before = getAgent(db, agentId, presenceOf);
    updateAgent(db, agentId, patch);
    ctx.realtime.refreshAgent(agentId);
    audit(ctx, req, { action: agentAction(before, patch), detail: { agentId, before: pick(before, patch), patch } });
    res.json(getAgent(db, agentId, presenceOf));
  });
  r.get('/teams', (_req, res) => {
    res.json({ items: listTeams(db) });
  });
  r.post('/teams', admin, (req, res) => {
    const body = TeamRequestSchema.parse(req.body);
    const teamId = createTeam(db, body, now());
    audit(ctx, req, { action: 'team.created', detail: { teamId, ...body } });
    res.status(201).json(listTeams(db).find((t) => t.id === teamId));
  });
  r.patch('/teams/:id', admin, (req, res) => {
    const teamId = idParam(req.params.id);
    const patch = TeamPatchRequestSchema.parse(req.body);
    updateTeam(db, teamId, patch);
    audit(ctx, req, { action: 'team.updated', detail: { teamId, patch } });
    res.json(listTeams(db).find((t) => t.id === teamId));
  });
  r.get('/api-keys', admin, (_req, res) => {
    res.json({ items: listApiKeys(db) });
  });
  r.post('/api-keys', admin, async (req, res) => {
    const body = await CreateApiKeyRequestSchema.superRefine((v, issue) =>
      checkOutboundUrl(v.callbackUrl, 'callbackUrl', issue, ctx.config),
    ).parseAsync(req.body);
    const created = createApiKey(db, body, authOf(req).agent.id, now());
    audit(ctx, req, { action: 'api_key.created', detail: { apiKeyId: created.key.id, name: created.key.name } });
    res.status(201).json(created);
  });
  r.delete('/api-keys/:id', admin, (req, res) => {
    const apiKeyId = idParam(req.params.id);
    revokeApiKey(db, apiKeyId, now());
    audit(ctx, req, { action: 'api_key.revoked', detail: { apiKeyId } });
    res.json({ ok: true });
  });
  return r;
}

/** The audited kind of an agent change: a role change or deactivation matters most. */
function agentAction(before: { role: string; active: boolean }, patch: { role?: string; active?: boolean }) {
  if (patch.active === false && before.active) return 'agent.deactivated' as const;
  if (patch.role !== undefined && patch.role !== before.role) return 'agent.role_changed' as const;
  return 'agent.updated' as const;
}

/** The fields of `before` that a patch touches (what they were). */
function pick(before: Record<string, unknown>, patch: object): Record<string, unknown> {
  return Object.fromEntries(Object.keys(patch).map((k) => [k, before[k]]));
}
