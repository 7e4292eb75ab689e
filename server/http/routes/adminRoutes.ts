import { Router } from 'express';
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
import { authOf, requireRole } from '#server/http/authMiddleware';
import type { AppContext } from '#server/http/context';
import { idParam } from '#server/http/params';

/** Agents, teams and API keys: everyone may list agents and teams; admins change them. */
export function adminRoutes(ctx: AppContext): Router {
  const r = Router();
  const { db, now } = ctx.deps;
  const presenceOf = (agentId: number) => ctx.realtime.presence.of(agentId);
  const admin = requireRole('admin');

  r.get('/agents', (_req, res) => {
    res.json({ items: listAgents(db, presenceOf) });
  });
  r.post('/agents', admin, async (req, res) => {
    const agentId = await createAgent(db, CreateAgentRequestSchema.parse(req.body), now());
    res.status(201).json(getAgent(db, agentId, presenceOf));
  });
  r.patch('/agents/:id', admin, (req, res) => {
    const agentId = idParam(req.params.id);
    updateAgent(db, agentId, UpdateAgentRequestSchema.parse(req.body));
    ctx.realtime.refreshAgent(agentId);
    res.json(getAgent(db, agentId, presenceOf));
  });
  r.get('/teams', (_req, res) => {
    res.json({ items: listTeams(db) });
  });
  r.post('/teams', admin, (req, res) => {
    const teamId = createTeam(db, TeamRequestSchema.parse(req.body), now());
    res.status(201).json(listTeams(db).find((t) => t.id === teamId));
  });
  r.patch('/teams/:id', admin, (req, res) => {
    const teamId = idParam(req.params.id);
    updateTeam(db, teamId, TeamPatchRequestSchema.parse(req.body));
    res.json(listTeams(db).find((t) => t.id === teamId));
  });
  r.get('/api-keys', admin, (_req, res) => {
    res.json({ items: listApiKeys(db) });
  });
  r.post('/api-keys', admin, (req, res) => {
    const created = createApiKey(db, CreateApiKeyRequestSchema.parse(req.body), authOf(req).agent.id, now());
    res.status(201).json(created);
  });
  r.delete('/api-keys/:id', admin, (req, res) => {
    revokeApiKey(db, idParam(req.params.id), now());
    res.json({ ok: true });
  });
  return r;
}
