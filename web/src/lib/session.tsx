import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, api, onUnauthenticated, setCsrfToken } from './api';

export type Role = 'admin' | 'manager' | 'senior' | 'agent' | 'legal' | 'vendor' | 'integration';

export interface Me {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly vendorOrgId: string | null;
}

interface SessionDto {
  kind: string;
  id: string;
  name: string;
  role: Role;
  vendor_org_id: string | null;
  csrf_token: string | null;
}

interface SignInDto {
  user: { id: string; email: string; name: string; role: Role; vendor_org_id: string | null };
  csrf_token: string;
  expires_at: string;
}

type State = { status: 'loading' } | { status: 'signed-out'; expired: boolean } | { status: 'signed-in'; me: Me } | { status: 'error'; message: string };

interface SessionApi {
  readonly state: State;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  retry(): void;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const queryClient = useQueryClient();

  const probe = useCallback(async () => {
    try {
      const s = await api.get<SessionDto>('/v1/session', { quiet401: true });
      setCsrfToken(s.csrf_token);
      setState({ status: 'signed-in', me: { id: s.id, name: s.name, role: s.role, vendorOrgId: s.vendor_org_id } });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setState({ status: 'signed-out', expired: false });
      else setState({ status: 'error', message: e instanceof Error ? e.message : 'The server could not be reached.' });
    }
  }, []);

  useEffect(() => {
    void probe();
  }, [probe]);

  useEffect(
    () =>
      onUnauthenticated(() => {
        setCsrfToken(null);
        queryClient.clear();
        setState((s) => (s.status === 'signed-in' ? { status: 'signed-out', expired: true } : s));
      }),
    [queryClient],
  );

  const value = useMemo<SessionApi>(
    () => ({
      state,
      signIn: async (email, password) => {
        const res = await api.post<SignInDto>('/v1/session', { email, password }, { quiet401: true });
        setCsrfToken(res.csrf_token);
        queryClient.clear();
        setState({ status: 'signed-in', me: { id: res.user.id, name: res.user.name, role: res.user.role, vendorOrgId: res.user.vendor_org_id } });
      },
      signOut: async () => {
        try {
          await api.delete('/v1/session', { quiet401: true });
        } finally {
          setCsrfToken(null);
          queryClient.clear();
          setState({ status: 'signed-out', expired: false });
        }
      },
      retry: () => {
        setState({ status: 'loading' });
        void probe();
      },
    }),
    [state, probe, queryClient],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const s = useContext(SessionContext);
  if (s === null) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in user; only for components rendered inside the signed-in shell. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe while signed out');
  return state.me;
}

export const STAFF: readonly Role[] = ['admin', 'manager', 'senior', 'agent', 'legal'];

/** What each role may open in the console, mirroring the API's route access lists. */
export const can = {
  seeQueues: (r: Role) => STAFF.includes(r) || r === 'vendor',
  seeCases: (r: Role) => STAFF.includes(r) || r === 'vendor',
  seeMarketplace: (r: Role) => STAFF.includes(r),
  review: (r: Role) => STAFF.includes(r) || r === 'vendor',
  readPolicies: (r: Role) => STAFF.includes(r) || r === 'vendor',
  /** The dashboard reads rule precision and automation, which the API gives overseers only. */
  seeDashboard: (r: Role) => r === 'admin' || r === 'manager' || r === 'senior' || r === 'legal',
  /** The Rules screen reads rule-set versions (not legal's) and the governance state (not agents'). */
  seeRules: (r: Role) => r === 'admin' || r === 'manager' || r === 'senior',
  /** Activation requests and decisions, rollback, the kill switch. */
  governRules: (r: Role) => r === 'admin' || r === 'manager',
  readUsers: (r: Role) => r === 'admin' || r === 'manager',
  writeUsers: (r: Role) => r === 'admin',
  tokens: (r: Role) => r === 'admin',
  readWebhooks: (r: Role) => r === 'admin' || r === 'manager',
  writeWebhooks: (r: Role) => r === 'admin',
  readAudit: (r: Role) => r === 'admin' || r === 'manager',
  verifyAudit: (r: Role) => r === 'admin',
};
