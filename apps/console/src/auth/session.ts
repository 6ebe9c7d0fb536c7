import { useEffect, useState } from 'preact/hooks';
import { api, read, setBearer, type Schemas } from '../api/client';

/** Who is signed in: the token (kept in this tab's sessionStorage only) and what /v1/me says about it. */
export interface Session {
  readonly token: string;
  readonly me: Schemas['WhoAmIDto'];
  readonly development: boolean;
}

const KEY = 'access-governance.session';
type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();
let current: Session | null = null;

function publish(session: Session | null): void {
  current = session;
  setBearer(session?.token ?? null);
  if (session) sessionStorage.setItem(KEY, JSON.stringify({ token: session.token, development: session.development }));
  else sessionStorage.removeItem(KEY);
  for (const listener of listeners) listener(session);
}

/** Signs in with a bearer token: asks the API who it names (a rejected token is a problem). */
export async function signInWithToken(token: string, development: boolean): Promise<Session> {
  setBearer(token);
  try {
    const me = await read(api.GET('/v1/me'));
    const session = { token, me, development };
    publish(session);
    return session;
  } catch (error) {
    setBearer(current?.token ?? null);
    throw error;
  }
}

/** The development sign-in: the API mints a token for the typed user id and roles (only offered without a configured secret). */
export async function developmentSignIn(userId: string, roles: ('operator' | 'auditor')[]): Promise<Session> {
  const minted = await read(api.POST('/v1/dev/sign-in', { body: { userId, roles } }));
  return signInWithToken(minted.token, true);
}

export function signOut(): void {
  publish(null);
}

/** Restores this tab's session, if its token is still accepted. */
export async function restoreSession(): Promise<void> {
  const saved = sessionStorage.getItem(KEY);
  if (!saved) return;
  try {
    const { token, development } = JSON.parse(saved) as { token: string; development: boolean };
    await signInWithToken(token, development);
  } catch {
    publish(null);
  }
}

export function useSession(): Session | null {
  const [session, setSession] = useState(current);
  useEffect(() => {
    listeners.add(setSession);
    setSession(current);
    return () => void listeners.delete(setSession);
  }, []);
  return session;
}
