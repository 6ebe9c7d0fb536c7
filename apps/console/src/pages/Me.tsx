import { useState } from 'preact/hooks';
import { api, command, read } from '../api/client';
import { useSession } from '../auth/session';
import { navigate } from '../router';
import { Field, Form, Loading, OutcomeView, Section, Select, useAction, useRead, when } from '../ui/kit';
import { NO_PRIVILEGES, PrivilegeMatrix, privilegeSummary } from '../ui/privileges';

/** The caller's sites (role and privileges on each). */
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
        {session.me.permissions.audit ? (
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

      {/* permissions.change: false for auditors, whose every command the API refuses. */}
      {session.me.permissions.change ? <Nominate onDone={requests.reload} /> : null}
      <MyPartnerLocations readOnly={!session.me.permissions.change} />
      {session.me.permissions.change ? <Preferences /> : null}
    </>
  );
}

type Role = 'user' | 'secondary';

/** Asks for access to a site with the role and privileges wanted; `fixedSiteId` when the site is already known. */
export function Nominate({ onDone, fixedSiteId }: { onDone: () => void; fixedSiteId?: string }) {
  const [siteId, setSiteId] = useState(fixedSiteId ?? '');
  const [role, setRole] = useState<Role>('user');
  const [privileges, setPrivileges] = useState(NO_PRIVILEGES);
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [email, setEmail] = useState('');
  const [justification, setJustification] = useState('');
  const { outcome, run } = useAction();
  return (
    <Section title={fixedSiteId ? `Request access to site ${fixedSiteId}` : 'Nominate myself to a site'}>
      <Form
        label={fixedSiteId ? 'Request access' : 'Nominate myself'}
        onSubmit={() =>
          run(
            () =>
              command(
                api.POST('/v1/sites/{siteId}/access-requests', {
                  params: { path: { siteId: siteId.trim() } },
                  body: {
                    firstName,
                    lastName,
                    email,
                    businessJustification: justification,
                    requestedRole: role,
                    requestedPrivileges: privileges,
                  },
                }),
              ),
            onDone,
          )
        }
      >
        <div class="grid">
          {fixedSiteId ? null : <Field label="Site id" value={siteId} onInput={setSiteId} required />}
          <Field label="First name" value={firstName} onInput={setFirstName} required />
          <Field label="Last name" value={lastName} onInput={setLastName} required />
          <Field label="E-mail" type="email" value={email} onInput={setEmail} required />
        </div>
        <Field label="Business justification" value={justification} onInput={setJustification} required />
        <Select<Role>
          label="Requested role"
          value={role}
          options={[
            ['user', 'user'],
            ['secondary', 'secondary (may administer, with Account Management privileges)'],
          ]}
          onChange={setRole}
        />
        <PrivilegeMatrix value={privileges} onChange={setPrivileges} legend="Requested privileges" />
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
        {(p) => (
          <>
            <p>Decision e-mails go to: {p.email ?? 'your verified sign-in address'}</p>
            <div class="field check">
              <label>
                <input
                  type="checkbox"
                  checked={p.subscribed}
                  onChange={(e) =>
                    run(
                      () =>
                        command(
                          api.PUT('/v1/me/notification-preferences', {
                            body: { subscribed: (e.target as HTMLInputElement).checked },
                          }),
                        ),
                      prefs.reload,
                    )
                  }
                />{' '}
                Subscribed to optional e-mails (requests to approve, reminders, the monthly contact review)
              </label>
              <small class="hint">E-mails about your own access are always sent.</small>
            </div>
          </>
        )}
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

/** The caller's partner locations, their own self-association requests, and joining a location with its token alone. */
function MyPartnerLocations({ readOnly }: { readOnly: boolean }) {
  const locations = useRead(() => read(api.GET('/v1/me/locations', { params: { query: { limit: 100 } } })), []);
  const associations = useRead(
    () => read(api.GET('/v1/me/self-associations', { params: { query: { limit: 100 } } })),
    [],
  );
  const reload = () => {
    locations.reload();
    associations.reload();
  };
  return (
    <>
      <Section title="My locations">
        <Loading read={locations}>
          {(page) =>
            page.items.length === 0 ? (
              <p>You are not an employee of any partner location.</p>
            ) : (
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Location</th>
                      <th scope="col">Enterprise</th>
                      <th scope="col">Access role</th>
                      <th scope="col">Joined</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((l) => (
                      <tr key={l.locationId}>
                        <td>
                          <a href={`/partner/${l.enterpriseId}/locations/${l.locationId}`}>{l.locationName}</a>
                        </td>
                        <td>
                          <a href={`/partner/${l.enterpriseId}`}>{l.enterpriseName}</a>
                          <br />
                          <small>
                            {l.countryEnterpriseName} ({l.country})
                          </small>
                        </td>
                        <td>{l.accessRole.replace(/_/g, ' ')}</td>
                        <td>{when(l.joinedAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </Loading>
      </Section>
      <Section title="My requests to join locations">
        <Loading read={associations}>
          {(page) =>
            page.items.length === 0 ? (
              <p>No requests to join a location.</p>
            ) : (
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Location</th>
                      <th scope="col">Status</th>
                      <th scope="col">Requested</th>
                      <th scope="col">Confirmation</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((a) => (
                      <tr key={a.associationId}>
                        <td>{a.locationName || a.locationId}</td>
                        <td>
                          <span class={`badge ${a.status}`}>{a.status}</span>
                          {a.reason ? ` — ${a.reason}` : ''}
                        </td>
                        <td>{when(a.requestedAt)}</td>
                        <td class="mono">{a.confirmationNumber}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </Loading>
      </Section>
      {readOnly ? null : <JoinWithToken onDone={reload} />}
    </>
  );
}

/** POST /v1/self-associations: the company token alone names the location. */
function JoinWithToken({ onDone }: { onDone: () => void }) {
  const [companyToken, setCompanyToken] = useState('');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [email, setEmail] = useState('');
  const { outcome, run } = useAction();
  const [status, setStatus] = useState<string | null>(null);
  return (
    <Section title="Join a partner location">
      <p>Your company’s token names the location; ask its administrator for it.</p>
      <Form
        label="Join with a company token"
        onSubmit={() => {
          setStatus(null);
          run(
            () =>
              command(
                api.POST('/v1/self-associations', {
                  body: { companyToken: companyToken.trim(), firstName, lastName, email },
                }),
              ),
            (answer) => {
              setStatus((answer as { status: string }).status);
              onDone();
            },
          );
        }}
      >
        <div class="grid">
          <Field label="Company token" value={companyToken} onInput={setCompanyToken} required />
          <Field label="First name" value={firstName} onInput={setFirstName} required />
          <Field label="Last name" value={lastName} onInput={setLastName} required />
          <Field label="E-mail" type="email" value={email} onInput={setEmail} required />
        </div>
        <button type="submit" class="primary">
          Join
        </button>
      </Form>
      <OutcomeView outcome={outcome} />
      {status ? (
        <p role="status">
          {status === 'accepted' ? 'You are now an employee of the location.' : 'Your request waits for approval.'}
        </p>
      ) : null}
    </Section>
  );
}
