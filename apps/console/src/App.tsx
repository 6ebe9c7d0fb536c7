import { useEffect, useState } from 'preact/hooks';
import { api, read } from './api/client';
import { completeOidcSignIn } from './auth/oidc';
import { restoreSession, type Session, signInWithToken, signOut, useSession } from './auth/session';
import { AuditPage, ConfirmationPage, TimelinePage } from './pages/Audit';
import { MePage } from './pages/Me';
import { EnterprisePage, LocationPage, PartnerHome } from './pages/Partner';
import { SignInPage } from './pages/SignIn';
import { SitePage } from './pages/Site';
import { match, onLinkClick, useLocation } from './router';
import { ProblemBox, problemOf, useRead } from './ui/kit';

export function App() {
  const session = useSession();
  const [ready, setReady] = useState(false);
  const [startProblem, setStartProblem] = useState<ReturnType<typeof problemOf> | null>(null);

  useEffect(() => {
    void (async () => {
      try {
        const oidcToken = await completeOidcSignIn();
        if (oidcToken) await signInWithToken(oidcToken, false);
        else await restoreSession();
      } catch (error) {
        setStartProblem(problemOf(error));
      } finally {
        setReady(true);
      }
    })();
  }, []);

  const options = useRead(() => read(api.GET('/v1/sign-in/options')), []);
  const development = options.data?.development ?? false;

  return (
    <div class="shell" onClick={(e) => onLinkClick(e as unknown as MouseEvent)}>
      <a class="skip" href="#main">
        Skip to content
      </a>
      {development ? (
        <div class="dev-banner" role="note">
          DEVELOPMENT: tokens are signed with the generated development secret. Never use this setup in production.
        </div>
      ) : null}
      <header class="top">
        <a class="brand" href="/">
          Access governance
        </a>
        {session ? <MainNav session={session} /> : null}
        {session ? (
          <div class="who">
            <span>
              {session.me.userId}
              {session.me.roles.length ? ` (${session.me.roles.join(', ')})` : ''}
            </span>
            <button type="button" onClick={signOut}>
              Sign out
            </button>
          </div>
        ) : null}
      </header>
      <main id="main" tabIndex={-1}>
        {startProblem ? <ProblemBox problem={startProblem} /> : null}
        {!ready ? <p class="status">Loading…</p> : session ? <Routes /> : <SignInPage options={options} />}
      </main>
    </div>
  );
}

function MainNav({ session }: { session: Session }) {
  // Audit is offered when the API says the caller may search it (/v1/me permissions.audit; it scopes what each sees).
  return (
    <nav aria-label="Main">
      <a href="/">Me</a>
      <a href="/partner">Partner</a>
      {session.me.permissions.audit ? <a href="/audit">Audit</a> : null}
    </nav>
  );
}

function Routes() {
  const { path, search } = useLocation();
  let params: Record<string, string> | null;
  if ((params = match('/sites/:siteId', path))) return <SitePage siteId={params.siteId!} search={search} />;
  if ((params = match('/partner/:enterpriseId/locations/:locationId', path)))
    return <LocationPage enterpriseId={params.enterpriseId!} locationId={params.locationId!} />;
  if ((params = match('/partner/:enterpriseId', path))) return <EnterprisePage enterpriseId={params.enterpriseId!} />;
  if (match('/partner', path)) return <PartnerHome />;
  if ((params = match('/audit/confirmations/:number', path))) return <ConfirmationPage number={params.number!} />;
  if ((params = match('/audit/sites/:siteId/people/:userId', path)))
    return <TimelinePage siteId={params.siteId!} userId={params.userId!} />;
  if (match('/audit', path)) return <AuditPage search={search} />;
  return <MePage />;
}
