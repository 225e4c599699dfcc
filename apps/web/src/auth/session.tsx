import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { type ApiClient, ApiError, createApiClient } from '../api/client.ts';

const STORAGE_KEY = 'raqib.apiKey';

export interface Identity {
  readonly name: string;
  readonly role: string;
}

export interface Session {
  readonly client: ApiClient;
  readonly identity: Identity;
  readonly signOut: () => void;
}

interface SessionState {
  readonly session: Session | null;
  readonly signIn: (key: string) => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

/**
 * Checks a key against the server: `/v1/me` names the key and its role; a server without it still proves the
 * key by answering an authenticated list request.
 */
export async function verifyKey(client: ApiClient): Promise<Identity> {
  try {
    const me = await client.get<{ name?: string; id?: string; role?: string }>('/v1/me');
    return { name: me.name ?? me.id ?? 'analyst', role: me.role ?? 'analyst' };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
  }
  await client.get('/v1/alerts', { limit: 1 });
  return { name: 'analyst', role: 'analyst' };
}

interface Stored {
  readonly key: string;
  readonly identity: Identity;
}

function load(): Stored | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Stored) : null;
  } catch {
    return null;
  }
}

/**
 * Keeps the API key for this browser tab only (sessionStorage): closing the tab signs out, and the key never
 * lands in a URL or a cookie that other tabs or requests would carry.
 */
export function SessionProvider({ children, baseUrl = '' }: { children: ReactNode; baseUrl?: string }) {
  const [stored, setStored] = useState<Stored | null>(load);

  const signOut = useCallback(() => {
    globalThis.sessionStorage?.removeItem(STORAGE_KEY);
    setStored(null);
  }, []);

  const signIn = useCallback(
    async (key: string) => {
      const identity = await verifyKey(createApiClient({ baseUrl, key }));
      const next = { key, identity };
      globalThis.sessionStorage?.setItem(STORAGE_KEY, JSON.stringify(next));
      setStored(next);
    },
    [baseUrl],
  );

  const session = useMemo<Session | null>(
    () =>
      stored === null
        ? null
        : { client: createApiClient({ baseUrl, key: stored.key }), identity: stored.identity, signOut },
    [stored, baseUrl, signOut],
  );

  const value = useMemo(() => ({ session, signIn }), [session, signIn]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSessionState(): SessionState {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSessionState() outside <SessionProvider>');
  return value;
}

/** The signed-in session; only pages rendered behind the login gate call this. */
export function useSession(): Session {
  const { session } = useSessionState();
  if (session === null) throw new Error('useSession() before sign-in');
  return session;
}
