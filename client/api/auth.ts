import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { MeResponseSchema, type MeResponse } from '#shared/schemas/agent';
import { ApiError, api, setCsrfToken } from './http';

/** The logged-in agent, or null when logged out. */
export const meQuery = () =>
  queryOptions({
    queryKey: ['me'] as const,
    queryFn: async (): Promise<MeResponse | null> => {
      try {
        const me = await api('/api/auth/me', MeResponseSchema);
        setCsrfToken(me.csrfToken);
        return me;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: Infinity,
    retry: false,
  });

/** The logged-in agent, or null when logged out. */
export function useMe() {
  return useQuery(meQuery());
}

/** Forget every cached query but "me" (another person may sign in next). */
function forgetAllButMe(qc: QueryClient): void {
  const me = meQuery().queryKey[0];
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== me });
}

/** Log in with email and password. */
export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      api('/api/auth/login', MeResponseSchema, { method: 'POST', body }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      qc.setQueryData(meQuery().queryKey, me);
      forgetAllButMe(qc);
    },
  });
}

/** Log out and forget every cached query. */
export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api('/api/auth/logout', z.object({ ok: z.boolean() }), { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(null);
      qc.setQueryData(meQuery().queryKey, null);
      forgetAllButMe(qc);
    },
  });
}

/** Save the agent's own preferences (UI language, display name). */
export function useUpdateMe() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: { locale?: MeResponse['agent']['locale']; name?: string }) =>
      api('/api/auth/me', MeResponseSchema, { method: 'PATCH', body: patch }),
    onSuccess: (me) => qc.setQueryData(meQuery().queryKey, me),
  });
}
