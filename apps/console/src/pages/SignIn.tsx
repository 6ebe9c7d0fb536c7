import { useState } from 'preact/hooks';
import type { Problem, Schemas } from '../api/client';
import { startOidcSignIn } from '../auth/oidc';
import { developmentSignIn } from '../auth/session';
import { Field, Form, ProblemBox, problemOf, Section } from '../ui/kit';

export function SignInPage({ options }: { options: { data?: Schemas['SignInOptionsDto']; problem?: Problem } }) {
  const [userId, setUserId] = useState('');
  const [operator, setOperator] = useState(false);
  const [auditor, setAuditor] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const data = options.data;

  const devSignIn = () => {
    setProblem(null);
    const roles = [...(operator ? ['operator' as const] : []), ...(auditor ? ['auditor' as const] : [])];
    developmentSignIn(userId, roles).catch((error: unknown) => setProblem(problemOf(error)));
  };

  return (
    <div class="narrow">
      <h1>Sign in</h1>
      {options.problem ? <ProblemBox problem={options.problem} /> : null}
      {problem ? <ProblemBox problem={problem} /> : null}
      {data?.oidc ? (
        <Section title="Your organisation’s sign-in">
          <button
            type="button"
            class="primary"
            onClick={() =>
              void startOidcSignIn(data.oidc!.issuer, data.oidc!.clientId).catch((e: unknown) =>
                setProblem(problemOf(e)),
              )
            }
          >
            Sign in with {new URL(data.oidc.issuer).host}
          </button>
        </Section>
      ) : null}
      {data?.development ? (
        <Section title="Development sign-in">
          <p class="warning">
            Development only: the API mints a token for any user id you type. It is offered only while no
            AUTH_JWT_SECRET or AUTH_JWKS_URL is configured.
          </p>
          <Form label="Development sign-in" onSubmit={devSignIn}>
            <Field
              label="User id"
              value={userId}
              onInput={setUserId}
              required
              placeholder="pat@example.com"
              name="userId"
            />
            <fieldset class="checks">
              <legend>Platform roles</legend>
              <label>
                <input
                  type="checkbox"
                  checked={operator}
                  onChange={(e) => setOperator((e.target as HTMLInputElement).checked)}
                />{' '}
                operator
              </label>
              <label>
                <input
                  type="checkbox"
                  checked={auditor}
                  onChange={(e) => setAuditor((e.target as HTMLInputElement).checked)}
                />{' '}
                auditor
              </label>
            </fieldset>
            <button type="submit" class="primary">
              Sign in (development)
            </button>
          </Form>
        </Section>
      ) : null}
      {data && !data.development && !data.oidc ? (
        <p>
          No browser sign-in is configured: set AUTH_ISSUER and AUTH_CLIENT_ID for OpenID Connect, or run without a
          configured secret for the development sign-in.
        </p>
      ) : null}
    </div>
  );
}
