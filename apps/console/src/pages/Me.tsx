import { useState } from 'preact/hooks';
import { api, command, read } from '../api/client';
import { mayAudit } from '../auth/permissions';
import { useSession } from '../auth/session';
import { navigate } from '../router';
import { Field, Form, Loading, OutcomeView, Section, useAction, useRead, when } from '../ui/kit';
import { privilegeSummary } from '../ui/privileges';

/** The caller's sites (role and privileges on each): what the console shows per site comes from here. */
export const loadMySites = () => read(api.GET('/v1/me/sites', { params: { query: { limit: 500 } } }));

export function MePage() {
  const session = useSession()!;
  const sites = useRead(loadMySites, []);
  const requests = useRead(() => read(api.GET('/v1/me/access-requests', { params: { query: { limit: 50 } } })), []);
  const [siteId, setSiteId] = useState('');

  return (
    <>
      <h1>My access</h1>
      <Section title="My sites">
        <Loading read={sites}>
          {(page) =>
            page.items.length === 0 ? (
              <p>You are not a member of any site yet.</p>
            ) : (
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Site</th>
                      <th scope="col">Role</th>
                      <th scope="col">Privileges</th>
                      <th scope="col">Since</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((s) => (
                      <tr key={s.siteId}>
                        <td>
                          <a href={`/sites/${s.siteId}`}>
                            {s.siteName} ({s.siteId})
                          </a>
                        </td>
                        <td>{s.role}</td>
                        <td>{privilegeSummary(s.privileges)}</td>
                        <td>{when(s.grantedAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </Loading>
        <Form
          label="Open a site"
          class="inline"
          onSubmit={() => siteId && navigate(`/sites/${encodeURIComponent(siteId.trim())}`)}
        >
          <Field label="Site id" value={siteId} onInput={setSiteId} placeholder="1234567" />
          <button type="submit">Open site</button>
        </Form>
        {sites.data && mayAudit(session, sites.data.items) ? (
          <p>
            <a href="/audit">Search the audit trail</a>
          </p>
        ) : null}
      </Section>

      <Section title="My access requests">
        <Loading read={requests}>
          {(page) =>
            page.items.length === 0 ? (
              <p>No requests.</p>
            ) : (
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Site</th>
                      <th scope="col">Status</th>
                      <th scope="col">Requested</th>
                      <th scope="col">Confirmation</th>
                      <th scope="col">Decision</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((r) => (
                      <tr key={r.requestId}>
                        <td>
                          {r.siteName} ({r.siteId})
                        </td>
                        <td>
                          <span class={`badge ${r.status}`}>{r.status}</span>
                        </td>
                        <td>{when(r.requestedAt)}</td>
                        <td class="mono">{r.confirmationNumber}</td>
                        <td>
                          {r.decisionConfirmationNumber ? (
                            <span class="mono">{r.decisionConfirmationNumber}</span>
                          ) : null}
                          {r.reason ? ` — ${r.reason}` : ''}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </Loading>
      </Section>

      {session.me.roles.includes('auditor') ? null : <Nominate onDone={requests.reload} />}
      {session.me.roles.includes('auditor') ? null : <Preferences />}
    </>
  );
}

function Nominate({ onDone }: { onDone: () => void }) {
  const [siteId, setSiteId] = useState('');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [email, setEmail] = useState('');
  const [justification, setJustification] = useState('');
  const { outcome, run } = useAction();
  return (
    <Section title="Nominate myself to a site">
      <Form
        label="Nominate myself"
        onSubmit={() =>
          run(
            () =>
              command(
                api.POST('/v1/sites/{siteId}/access-requests', {
                  params: { path: { siteId: siteId.trim() } },
                  body: { firstName, lastName, email, businessJustification: justification },
                }),
              ),
            onDone,
          )
        }
      >
        <div class="grid">
          <Field label="Site id" value={siteId} onInput={setSiteId} required />
          <Field label="First name" value={firstName} onInput={setFirstName} required />
          <Field label="Last name" value={lastName} onInput={setLastName} required />
          <Field label="E-mail" type="email" value={email} onInput={setEmail} required />
        </div>
        <Field label="Business justification" value={justification} onInput={setJustification} required />
        <button type="submit" class="primary">
          Send request
        </button>
      </Form>
      <OutcomeView outcome={outcome} />
    </Section>
  );
}

function Preferences() {
  const prefs = useRead(() => read(api.GET('/v1/me/notification-preferences')), []);
  const [email, setEmail] = useState('');
  const { outcome, run } = useAction();
  return (
    <Section title="eNotification preferences">
      <Loading read={prefs}>
        {(p) => <p>Decision e-mails go to: {p.email ?? 'your verified sign-in address'}</p>}
      </Loading>
      <Form
        label="eNotification address"
        class="inline"
        onSubmit={() =>
          run(() => command(api.PUT('/v1/me/notification-preferences', { body: { email } })), prefs.reload)
        }
      >
        <Field label="eNotification e-mail" type="email" value={email} onInput={setEmail} required />
        <button type="submit">Save</button>
      </Form>
      <OutcomeView outcome={outcome} />
    </Section>
  );
}
