import { Router } from 'express';
import { CustomerSearchQuerySchema, MergeRequestSchema, UpdateCustomerRequestSchema } from '#shared/schemas/customer';
import { searchCustomers, updateCustomer } from '#server/services/customers';
import { listMerges, mergeCustomers, unmergeCustomers } from '#server/services/merge';
import { getCustomer, requireAccess, threadOfCustomer } from '#server/services/threadQueries';
import { authOf, requireRole } from '#server/http/authMiddleware';
import type { AppContext } from '#server/http/context';
import { audit } from '#server/http/audit';
import { exportCustomerData, eraseCustomer } from '#server/services/customerData';
import { idParam } from '#server/http/params';
import { dismissDuplicate, listDuplicates } from '#server/services/duplicates';
import { confirmLinkSuggestion, dismissLinkSuggestion, listLinkSuggestions } from '#server/services/linkSuggestions';

/** Customer profile, search, likely duplicates, merge and unmerge. */
export function customerRoutes(ctx: AppContext): Router {
  const r = Router();
  const { deps } = ctx;

  r.get('/customers', (req, res) => {
    const { q } = CustomerSearchQuerySchema.parse(req.query);
    res.json({ items: searchCustomers(deps, authOf(req).viewer, q) });
  });
  r.get('/customers/:id', (req, res) => {
    const customerId = idParam(req.params.id);
    const thread = threadOfCustomer(deps.db, customerId);
    if (thread) requireAccess(authOf(req).viewer, thread, 'customer');
    const customer = getCustomer(deps.db, customerId);
    audit(ctx, req, { action: 'customer.viewed', customerId, threadId: thread?.id ?? null });
    res.json({
      customer,
      threadId: thread?.id ?? null,
      merges: listMerges(deps, customerId),
      suggestions: listLinkSuggestions(deps.db, authOf(req).viewer, customerId),
    });
  });
  r.get('/customers/:id/duplicates', (req, res) => {
    res.json({ items: listDuplicates(deps.db, authOf(req).viewer, idParam(req.params.id)) });
  });
  r.post('/customers/:id/duplicates/:otherId/dismiss', (req, res) => {
    const auth = authOf(req);
    dismissDuplicate(deps, auth.viewer, auth.idHash, idParam(req.params.id), idParam(req.params.otherId));
    res.status(204).end();
  });
  r.patch('/customers/:id', (req, res) => {
    res.json(
      updateCustomer(deps, authOf(req).viewer, idParam(req.params.id), UpdateCustomerRequestSchema.parse(req.body)),
    );
  });
  r.post('/customers/:id/merge', (req, res) => {
    const body = MergeRequestSchema.parse(req.body);
    const customerId = idParam(req.params.id);
    const merged = mergeCustomers(deps, authOf(req).viewer, customerId, body.sourceCustomerId);
    audit(ctx, req, {
      action: 'customer.merged',
      customerId,
      detail: { mergeId: merged.id, sourceCustomerId: body.sourceCustomerId },
    });
    res.status(201).json(merged);
  });
  r.get('/customers/:id/export', requireRole('admin'), (req, res) => {
    const customerId = idParam(req.params.id);
    const data = exportCustomerData(deps, customerId);
    audit(ctx, req, { action: 'customer.exported', customerId });
    res.setHeader('content-disposition', `attachment; filename="customer-${customerId}.json"`);
    res.json(data);
  });
  r.post('/customers/:id/erase', requireRole('admin'), (req, res) => {
    const auth = authOf(req);
    res.json(eraseCustomer(deps, { id: auth.agent.id, sessionHash: auth.idHash }, idParam(req.params.id)));
  });
  r.post('/link-suggestions/:id/confirm', (req, res) => {
    const id = idParam(req.params.id);
    const merged = confirmLinkSuggestion(deps, authOf(req).viewer, id);
    audit(ctx, req, {
      action: 'customer.merged',
      customerId: merged.targetCustomerId,
      detail: { mergeId: merged.id, suggestionId: id },
    });
    res.status(201).json(merged);
  });
  r.post('/link-suggestions/:id/dismiss', (req, res) => {
    dismissLinkSuggestion(deps, authOf(req).viewer, idParam(req.params.id));
    res.status(204).end();
  });
  r.post('/merges/:id/unmerge', (req, res) => {
    const mergeId = idParam(req.params.id);
    const undone = unmergeCustomers(deps, authOf(req).viewer, mergeId);
    audit(ctx, req, { action: 'customer.unmerged', detail: { mergeId } });
    res.json(undone);
  });
  return r;
}
