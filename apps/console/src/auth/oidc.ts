/**
 * OpenID Connect authorization code flow with PKCE (S256) for a public client, in the browser:
 * discovery from `<issuer>/.well-known/openid-configuration`, a random state and code verifier kept
 * in sessionStorage for the round trip, and the code exchanged at the token endpoint. These calls go
 * to the identity provider, not to this API, so they are plain fetches of the OIDC protocol.
 */
const PENDING = 'access-governance.oidc';

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
}

interface Pending {
  state: string;
  verifier: string;
  issuer: string;
  clientId: string;
  tokenEndpoint: string;
}

const redirectUri = (): string => `${location.origin}/`;

function randomText(bytes: number): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function base64Url(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function discover(issuer: string): Promise<Discovery> {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`OpenID Connect discovery at ${issuer} answered ${response.status}`);
  return (await response.json()) as Discovery;
}

/** Sends the browser to the identity provider's sign-in page. */
export async function startOidcSignIn(issuer: string, clientId: string): Promise<void> {
  const discovery = await discover(issuer);
  const verifier = randomText(32);
  const challenge = base64Url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  const pending: Pending = {
    state: randomText(16),
    verifier,
    issuer,
    clientId,
    tokenEndpoint: discovery.token_endpoint,
  };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri(),
    scope: 'openid profile email',
    state: pending.state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/**
 * On the way back (`/?code=…&state=…`): exchanges the code for tokens and returns the bearer token
 * for the API (the access token when it is a JWT, else the ID token); null when this is no callback.
 */
export async function completeOidcSignIn(): Promise<string | null> {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  const saved = sessionStorage.getItem(PENDING);
  if (!code || !saved) return null;
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', '/');
  const pending = JSON.parse(saved) as Pending;
  if (params.get('state') !== pending.state)
    throw new Error('The sign-in answer does not match this browser tab (state).');
  const response = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri(),
      client_id: pending.clientId,
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new Error(`The token endpoint answered ${response.status}`);
  const tokens = (await response.json()) as { access_token?: string; id_token?: string };
  const isJwt = (t?: string): t is string => typeof t === 'string' && t.split('.').length === 3;
  const token = isJwt(tokens.access_token) ? tokens.access_token : tokens.id_token;
  if (!token) throw new Error('The identity provider answered no token.');
  return token;
}
