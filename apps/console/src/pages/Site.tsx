import { useState } from 'preact/hooks';
import { api, command, downloadCsv, read, type Schemas } from '../api/client';
import { type Session, useSession } from '../auth/session';
import {
  Field,
  Form,
  Loading,
  localToIso,
  OutcomeView,
  Pager,
  ProblemBox,
  problemOf,
  Section,
  Select,
  useAction,
  useRead,
  when,
} from '../ui/kit';
import { NO_PRIVILEGES, PrivilegeMatrix, privilegeSummary } from '../ui/privileges';
import { Nominate } from './Me';

type User = Schemas['SiteUserDto'];
/** What the caller may do on the site, as the API says (GET /v1/sites/{siteId}); the API decides every request again. */
type SitePermissions = Schemas['CallerSitePermissionsDto'];
const NOTHING: SitePermissions = {
  viewUsers: false,
  manageUsers: false,
  viewContacts: false,
  updateContacts: false,
  transferPrimary: false,
};
type Role = 'secondary' | 'user';
const PAGE = 20;

export function SitePage({ siteId }: { siteId: string; search: URLSearchParams }) {
  const session = useSession()!;
  const summary = useRead(() => read(api.GET('/v1/sites/{siteId}', { params: { path: { siteId } } })), [siteId]);
  // Every change bumps the version: each section reloads what it shows.
  const [version, setVersion] = useState(0);
  if (!summary.data && !summary.problem) return <p class="status">Loading…</p>;
  const changed = () => {
    setVersion((v) => v + 1);
    summary.reload();
  };
  // The summary reloads after every change, so the sections follow the caller's rights as they change.
  const permissions = summary.data?.permissions ?? NOTHING;

  return (
    <>
      <h1>{summary.data ? `${summary.data.name} (site ${siteId})` : `Site ${siteId}`}</h1>
      <Section title="Summary">
        <Loading read={summary}>{(s) => <Summary summary={s} />}</Loading>
      </Section>
      {summary.problem?.canRequestAccess !== undefined ? (
        <RequestAccess siteId={siteId} canRequest={summary.problem.canRequestAccess} onDone={summary.reload} />
      ) : null}
      {permissions.viewUsers ? (
        <Users siteId={siteId} session={session} permissions={permissions} version={version} onChange={changed} />
      ) : null}
      {permissions.viewUsers ? (
        <Requests siteId={siteId} session={session} permissions={permissions} version={version} onChange={changed} />
      ) : null}
      {permissions.manageUsers ? <AddUser siteId={siteId} onDone={changed} /> : null}
      {permissions.viewContacts ? (
        <Contacts siteId={siteId} version={version} mayUpdate={permissions.updateContacts} onChange={changed} />
      ) : null}
      {permissions.viewContacts ? <Recipients siteId={siteId} version={version} /> : null}
      {permissions.transferPrimary ? <TransferPrimary siteId={siteId} onDone={changed} /> : null}
    </>
  );
}

/** A signed-in non-member: the 403 says whether they may ask for access (`canRequestAccess`) or already did. */
function RequestAccess(props: { siteId: string; canRequest: boolean; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      {props.canRequest && !open ? (
        <p>
          <button type="button" class="primary" onClick={() => setOpen(true)}>
            Request access
          </button>
        </p>
      ) : null}
      {open ? <Nominate fixedSiteId={props.siteId} onDone={props.onDone} /> : null}
      {props.canRequest ? null : (
        <p class="status" role="status">
          Your access request to this site waits for a decision (see <a href="/">My access requests</a>).
        </p>
      )}
    </>
  );
}

/** A summary warning in words (the API's code, e.g. `MISSING_CONTACT_TYPE:billing`, stays in the tooltip). */
function warningText(code: string): string {
  if (code === 'NO_SECONDARY_CONTACT')
    return 'No secondary contact: no one but the primary contact administers this site.';
  const [kind, type] = code.split(':');
  if (kind === 'MISSING_CONTACT_TYPE' && type)
    return `No ${type.replace(/_/g, ' ')} contact: the primary contact receives its e-mails.`;
  return code;
}

function Summary({ summary }: { summary: Schemas['SiteSummaryDto'] }) {
  return (
    <>
      {summary.warnings.length ? (
        <ul class="warnings" aria-label="Warnings">
          {summary.warnings.map((w) => (
            <li key={w} title={w}>
              {warningText(w)}
            </li>
          ))}
        </ul>
      ) : (
        <p class="ok">No warnings.</p>
      )}
      <dl class="facts">
        <dt>Primary contact</dt>
        <dd>
          {summary.primaryContact
            ? `${summary.primaryContact.firstName} ${summary.primaryContact.lastName} (${summary.primaryContact.userId})`
            : 'none'}
        </dd>
        <dt>Secondary contacts</dt>
        <dd>{summary.secondaryContacts.map((c) => c.userId).join(', ') || 'none'}</dd>
        <dt>Users</dt>
        <dd>{summary.userCount}</dd>
        <dt>Pending requests</dt>
        <dd>{summary.pendingRequestCount}</dd>
        <dt>Contacts</dt>
        <dd>{summary.contactCount}</dd>
        <dt>Registered</dt>
        <dd>
          {when(summary.registeredAt)} by {summary.registeredBy}
        </dd>
      </dl>
    </>
  );
}

function Users(props: {
  siteId: string;
  session: Session;
  permissions: SitePermissions;
  version: number;
  onChange: () => void;
}) {
  const { siteId, session, permissions } = props;
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [asOfInput, setAsOfInput] = useState('');
  const [asOf, setAsOf] = useState<string | undefined>(undefined);
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const [editingDetails, setEditingDetails] = useState<string | null>(null);
  const [csvProblem, setCsvProblem] = useState<ReturnType<typeof problemOf> | null>(null);
  const users = useRead(
    () =>
      read(
        api.GET('/v1/sites/{siteId}/users', {
          params: {
            path: { siteId },
            query: { limit: PAGE, offset, ...(query ? { q: query } : {}), ...(asOf ? { asOf } : {}) },
          },
        }),
      ),
    [siteId, query, asOf, offset, props.version],
  );
  const removal = useAction();
  const reload = props.onChange;

  return (
    <Section
      title={asOf ? `Users as of ${when(asOf)}` : 'Users'}
      actions={
        <button
          type="button"
          onClick={() => {
            setCsvProblem(null);
            downloadCsv(
              api.GET('/v1/sites/{siteId}/users/report.csv', {
                params: { path: { siteId }, query: asOf ? { asOf } : {} },
                parseAs: 'text',
              }),
              `site-${siteId}-users.csv`,
            ).catch((e: unknown) => setCsvProblem(problemOf(e)));
          }}
        >
          Download CSV
        </button>
      }
    >
      {csvProblem ? <ProblemBox problem={csvProblem} /> : null}
      <div class="toolbar">
        <Form label="Search users" class="inline" onSubmit={() => (setOffset(0), setQuery(q.trim()))}>
          <Field label="Search (name, e-mail, user id)" value={q} onInput={setQ} />
          <button type="submit">Search</button>
        </Form>
        <Form label="As of" class="inline" onSubmit={() => (setOffset(0), setAsOf(localToIso(asOfInput)))}>
          <Field label="As of (date and time)" type="datetime-local" value={asOfInput} onInput={setAsOfInput} />
          <button type="submit">Show</button>
          {asOf ? (
            <button type="button" onClick={() => (setAsOf(undefined), setAsOfInput(''))}>
              Now
            </button>
          ) : null}
        </Form>
      </div>
      <OutcomeView outcome={removal.outcome} />
      <Loading read={users}>
        {(page) => (
          <>
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">User</th>
                    <th scope="col">Role</th>
                    <th scope="col">Privileges</th>
                    <th scope="col">Granted</th>
                    <th scope="col">Last change</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((u) => {
                    const mayChange =
                      permissions.manageUsers && !asOf && u.role !== 'primary' && u.userId !== session.me.userId;
                    // Details carry no authority (a manager may edit their own); the primary's are the primary's or an operator's.
                    const mayEditDetails =
                      permissions.manageUsers && !asOf && (u.role !== 'primary' || permissions.transferPrimary);
                    return (
                      <tr key={u.userId}>
                        <td>
                          {u.firstName} {u.lastName}
                          <br />
                          <small>{u.userId}</small>
                        </td>
                        <td>{u.role}</td>
                        <td>{privilegeSummary(u.privileges)}</td>
                        <td>
                          {when(u.grantedAt)} by {u.grantedBy}
                          <br />
                          <a class="mono" href={`/audit/confirmations/${u.confirmationNumber}`}>
                            {u.confirmationNumber}
                          </a>
                        </td>
                        <td>
                          {when(u.lastChangedAt)} by {u.lastChangedBy}
                          <br />
                          <a class="mono" href={`/audit/confirmations/${u.lastConfirmationNumber}`}>
                            {u.lastConfirmationNumber}
                          </a>
                        </td>
                        <td>
                          <div class="actions">
                            <a href={`/audit/sites/${siteId}/people/${encodeURIComponent(u.userId)}`}>Timeline</a>
                            {mayEditDetails ? (
                              <button
                                type="button"
                                aria-expanded={editingDetails === u.userId}
                                onClick={() => setEditingDetails(editingDetails === u.userId ? null : u.userId)}
                              >
                                Edit details
                              </button>
                            ) : null}
                            {mayChange ? (
                              <>
                                <button
                                  type="button"
                                  aria-expanded={editing === u.userId}
                                  onClick={() => setEditing(editing === u.userId ? null : u.userId)}
                                >
                                  Change access
                                </button>
                                <button
                                  type="button"
                                  class="danger"
                                  onClick={() =>
                                    confirm(`Remove ${u.userId} from site ${siteId}?`) &&
                                    removal.run(
                                      () =>
                                        command(
                                          api.DELETE('/v1/sites/{siteId}/users/{userId}', {
                                            params: { path: { siteId, userId: u.userId } },
                                          }),
                                        ),
                                      reload,
                                    )
                                  }
                                >
                                  Remove
                                </button>
                              </>
                            ) : null}
                          </div>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {editing && page.items.some((u) => u.userId === editing) ? (
              <ChangeAccess
                siteId={siteId}
                user={page.items.find((u) => u.userId === editing)!}
                onDone={reload}
                onClose={() => setEditing(null)}
              />
            ) : null}
            {editingDetails && page.items.some((u) => u.userId === editingDetails) ? (
              <EditDetails
                key={editingDetails}
                siteId={siteId}
                user={page.items.find((u) => u.userId === editingDetails)!}
                onDone={reload}
                onClose={() => setEditingDetails(null)}
              />
            ) : null}
            <Pager label="Users" offset={offset} limit={PAGE} total={page.total} onOffset={setOffset} />
          </>
        )}
      </Loading>
    </Section>
  );
}

/** PATCH …/users/{u}/details: name, e-mail, telephone (only the fields that changed are sent). */
function EditDetails(props: { siteId: string; user: User; onDone: () => void; onClose: () => void }) {
  const { siteId, user } = props;
  const before = {
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    telephone: user.telephone ?? '',
  };
  const [f, setF] = useState(before);
  const { outcome, run } = useAction();
  const changes = Object.fromEntries(
    (Object.keys(f) as (keyof typeof f)[]).filter((k) => f[k].trim() !== before[k]).map((k) => [k, f[k].trim()]),
  );
  const field = (key: keyof typeof f, label: string, type?: 'email') => (
    <Field
      label={label}
      type={type}
      value={f[key]}
      onInput={(v) => setF({ ...f, [key]: v })}
      required={key !== 'telephone'}
    />
  );
  return (
    <div class="panel" role="region" aria-label={`Edit details of ${user.userId}`}>
      <h3>Edit details of {user.userId}</h3>
      <Form
        label={`Edit details of ${user.userId}`}
        onSubmit={() =>
          run(
            () =>
              command(
                api.PATCH('/v1/sites/{siteId}/users/{userId}/details', {
                  params: { path: { siteId, userId: user.userId } },
                  body: changes,
                }),
              ),
            props.onDone,
          )
        }
      >
        <div class="grid">
          {field('firstName', 'First name')}
          {field('lastName', 'Last name')}
          {field('email', 'E-mail', 'email')}
          {field('telephone', 'Telephone')}
        </div>
        <div class="buttons">
          <button type="submit" class="primary">
            Save details
          </button>
          <button type="button" onClick={props.onClose}>
            Close
          </button>
        </div>
      </Form>
      <OutcomeView outcome={outcome} />
    </div>
  );
}

function ChangeAccess(props: { siteId: string; user: User; onDone: () => void; onClose: () => void }) {
  const { siteId, user } = props;
  const [role, setRole] = useState<Role>(user.role === 'secondary' ? 'secondary' : 'user');
  const [privileges, setPrivileges] = useState(user.privileges);
  const { outcome, run } = useAction();
  return (
    <div class="panel" role="region" aria-label={`Change access of ${user.userId}`}>
      <h3>Change access of {user.userId}</h3>
      <Form
        label={`Change access of ${user.userId}`}
        onSubmit={() =>
          run(
            () =>
              command(
                api.PATCH('/v1/sites/{siteId}/users/{userId}', {
                  params: { path: { siteId, userId: user.userId } },
                  body: { role, privileges },
                }),
              ),
            props.onDone,
          )
        }
      >
        <Select<Role> label="Role" value={role} options={['secondary', 'user']} onChange={setRole} />
        <PrivilegeMatrix value={privileges} onChange={setPrivileges} />
        <div class="buttons">
          <button type="submit" class="primary">
            Save access
          </button>
          <button type="button" onClick={props.onClose}>
            Close
          </button>
        </div>
      </Form>
      <OutcomeView outcome={outcome} />
    </div>
  );
}

function Requests(props: {
  siteId: string;
  session: Session;
  permissions: SitePermissions;
  version: number;
  onChange: () => void;
}) {
  const { siteId, session, permissions } = props;
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const requests = useRead(
    () =>
      read(
        api.GET('/v1/sites/{siteId}/access-requests', {
          params: { path: { siteId }, query: { status: 'pending', limit: 100, ...(query ? { q: query } : {}) } },
        }),
      ),
    [siteId, query, props.version],
  );
  const reload = props.onChange;
  // The outcome stays on the section: a decided request leaves the pending list.
  const { outcome, run } = useAction();
  return (
    <Section title="Pending requests">
      <Form label="Search requests" class="inline" onSubmit={() => setQuery(q.trim())}>
        <Field label="Search requests (name, e-mail, user id)" value={q} onInput={setQ} />
        <button type="submit">Search</button>
        {query ? (
          <button type="button" onClick={() => (setQ(''), setQuery(''))}>
            Clear
          </button>
        ) : null}
      </Form>
      <OutcomeView outcome={outcome} />
      <Loading read={requests}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{query ? `No pending request matches “${query}”.` : 'No pending requests.'}</p>
          ) : (
            <ul class="requests">
              {page.items.map((r) => (
                <li key={r.requestId} class="request">
                  <p>
                    <strong>
                      {r.firstName} {r.lastName}
                    </strong>{' '}
                    ({r.userId}, {r.email}) asked on {when(r.requestedAt)} —{' '}
                    <span class="mono">{r.confirmationNumber}</span>
                  </p>
                  <p class="requested">
                    Asks for <strong>{r.requestedRole}</strong> with {privilegeSummary(r.requestedPrivileges)}
                  </p>
                  <blockquote>{r.businessJustification}</blockquote>
                  {r.justificationEdits.length ? (
                    <p>
                      <small>
                        Edited {r.justificationEdits.length}×; the requester wrote: “{r.originalJustification}”
                      </small>
                    </p>
                  ) : null}
                  {permissions.manageUsers && r.userId !== session.me.userId ? (
                    <Decide siteId={siteId} request={r} run={run} onDone={reload} />
                  ) : null}
                </li>
              ))}
            </ul>
          )
        }
      </Loading>
    </Section>
  );
}

function Decide(props: {
  siteId: string;
  request: Schemas['AccessRequestDto'];
  run: ReturnType<typeof useAction>['run'];
  onDone: () => void;
}) {
  const { siteId, request, run } = props;
  const [role, setRole] = useState<Role>(request.requestedRole);
  const [privileges, setPrivileges] = useState(request.requestedPrivileges);
  const [changing, setChanging] = useState(false);
  const [reason, setReason] = useState('');
  const path = { siteId, requestId: request.requestId };
  const who = `${request.firstName} ${request.lastName}`;
  const [justification, setJustification] = useState(request.businessJustification);
  return (
    <div class="decide">
      <Form
        label={`Edit the justification of ${who}`}
        class="inline"
        onSubmit={() =>
          run(
            () =>
              command(
                api.PATCH('/v1/sites/{siteId}/access-requests/{requestId}', {
                  params: { path },
                  body: { businessJustification: justification },
                }),
              ),
            props.onDone,
          )
        }
      >
        <Field label="Business justification" value={justification} onInput={setJustification} required />
        <button type="submit">Save justification</button>
      </Form>
      <div class="buttons" role="group" aria-label={`Grant ${who}`}>
        <button
          type="button"
          class="primary"
          onClick={() =>
            run(
              () =>
                command(
                  api.POST('/v1/sites/{siteId}/access-requests/{requestId}/grant', { params: { path }, body: {} }),
                ),
              props.onDone,
            )
          }
        >
          Grant as requested
        </button>
        <button type="button" aria-expanded={changing} onClick={() => setChanging(!changing)}>
          Grant with changes…
        </button>
      </div>
      {changing ? (
        <Form
          label={`Grant ${who} with changes`}
          onSubmit={() =>
            run(
              () =>
                command(
                  api.POST('/v1/sites/{siteId}/access-requests/{requestId}/grant', {
                    params: { path },
                    body: { role, privileges },
                  }),
                ),
              props.onDone,
            )
          }
        >
          <Select<Role> label="Role to grant" value={role} options={['user', 'secondary']} onChange={setRole} />
          <PrivilegeMatrix value={privileges} onChange={setPrivileges} legend="Privileges to grant" />
          <button type="submit" class="primary">
            Grant with these changes
          </button>
        </Form>
      ) : null}
      <Form
        label={`Deny ${who}`}
        class="inline"
        onSubmit={() =>
          run(
            () =>
              command(
                api.POST('/v1/sites/{siteId}/access-requests/{requestId}/deny', { params: { path }, body: { reason } }),
              ),
            props.onDone,
          )
        }
      >
        <Field label="Reason for denial" value={reason} onInput={setReason} required />
        <button type="submit" class="danger">
          Deny
        </button>
      </Form>
    </div>
  );
}

type Contact = Schemas['SiteContactDto'];
type ContactType = Contact['contactTypes'][number];
const CONTACT_TYPES: readonly ContactType[] = ['administrative', 'renewal', 'media_shipping', 'billing'];

function Contacts(props: { siteId: string; version: number; mayUpdate: boolean; onChange: () => void }) {
  const { siteId, version } = props;
  const [editing, setEditing] = useState<string | null>(null);
  const review = useAction();
  const contacts = useRead(
    () => read(api.GET('/v1/sites/{siteId}/contacts', { params: { path: { siteId }, query: { limit: 100 } } })),
    [siteId, version],
  );
  return (
    <Section title="Contacts">
      <OutcomeView outcome={review.outcome} />
      <Loading read={contacts}>
        {(page) =>
          page.items.length === 0 ? (
            <p>No contacts.</p>
          ) : (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Types</th>
                    <th scope="col">E-mail / telephone</th>
                    <th scope="col">Address</th>
                    <th scope="col">Last update</th>
                    <th scope="col">Last review</th>
                    {props.mayUpdate ? <th scope="col">Actions</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((c) => (
                    <tr key={c.contactId}>
                      <td>
                        {c.firstName} {c.lastName}
                        {c.userId ? <small> ({c.userId})</small> : null}
                      </td>
                      <td>{c.contactTypes.map((t) => t.replace(/_/g, ' ')).join(', ')}</td>
                      <td>
                        {c.email}
                        <br />
                        {c.telephone}
                      </td>
                      <td>
                        {c.address}, {c.postalCode} {c.city}
                        {c.country ? `, ${c.country}` : ''}
                      </td>
                      <td>
                        {when(c.updatedAt)} by {c.updatedBy}
                      </td>
                      <td>{c.reviewedAt ? `${when(c.reviewedAt)} by ${c.reviewedBy ?? '—'}` : 'never'}</td>
                      {props.mayUpdate ? (
                        <td>
                          <div class="actions">
                            <button
                              type="button"
                              aria-expanded={editing === c.contactId}
                              onClick={() => setEditing(editing === c.contactId ? null : c.contactId)}
                            >
                              Edit contact
                            </button>
                            <button
                              type="button"
                              title={`Confirm that the details of ${c.firstName} ${c.lastName} are current`}
                              onClick={() =>
                                review.run(
                                  () =>
                                    command(
                                      api.POST('/v1/sites/{siteId}/contacts/{contactId}/review', {
                                        params: { path: { siteId, contactId: c.contactId } },
                                      }),
                                    ),
                                  props.onChange,
                                )
                              }
                            >
                              Mark reviewed
                            </button>
                          </div>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loading>
      {editing && contacts.data?.items.some((c) => c.contactId === editing) ? (
        <EditContact
          key={editing}
          siteId={siteId}
          contact={contacts.data.items.find((c) => c.contactId === editing)!}
          onDone={props.onChange}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Section>
  );
}

/** Contact details change only with a recent sign-in (≤ 15 minutes): the API's REAUTHENTICATION_REQUIRED offers a new sign-in. */
function EditContact(props: { siteId: string; contact: Contact; onDone: () => void; onClose: () => void }) {
  const { contact } = props;
  const [f, setF] = useState({
    firstName: contact.firstName,
    lastName: contact.lastName,
    email: contact.email,
    telephone: contact.telephone,
    address: contact.address,
    city: contact.city,
    postalCode: contact.postalCode,
    country: contact.country ?? '',
  });
  const [types, setTypes] = useState<ContactType[]>(contact.contactTypes);
  const { outcome, run } = useAction();
  const field = (key: keyof typeof f, label: string, required = true) => (
    <Field label={label} value={f[key]} onInput={(v) => setF({ ...f, [key]: v })} required={required} />
  );
  const name = `${contact.firstName} ${contact.lastName}`;
  return (
    <div class="panel" role="region" aria-label={`Edit contact ${name}`}>
      <h3>Edit contact {name}</h3>
      <Form
        label={`Edit contact ${name}`}
        onSubmit={() =>
          run(
            () =>
              command(
                api.PUT('/v1/sites/{siteId}/contacts/{contactId}', {
                  params: { path: { siteId: props.siteId, contactId: contact.contactId } },
                  body: {
                    ...f,
                    country: f.country.trim() || undefined,
                    contactTypes: types,
                    ...(contact.userId ? { userId: contact.userId } : {}),
                  },
                }),
              ),
            props.onDone,
          )
        }
      >
        <div class="grid">
          {field('firstName', 'First name')}
          {field('lastName', 'Last name')}
          {field('email', 'E-mail')}
          {field('telephone', 'Telephone')}
          {field('address', 'Address')}
          {field('city', 'City')}
          {field('postalCode', 'Postal code')}
          {field('country', 'Country', false)}
        </div>
        <fieldset class="checks">
          <legend>Contact types</legend>
          {CONTACT_TYPES.map((type) => (
            <label key={type}>
              <input
                type="checkbox"
                checked={types.includes(type)}
                onChange={(e) =>
                  setTypes((e.target as HTMLInputElement).checked ? [...types, type] : types.filter((t) => t !== type))
                }
              />{' '}
              {type.replace(/_/g, ' ')}
            </label>
          ))}
        </fieldset>
        <div class="buttons">
          <button type="submit" class="primary">
            Save contact
          </button>
          <button type="button" onClick={props.onClose}>
            Close
          </button>
        </div>
      </Form>
      <OutcomeView outcome={outcome} />
    </div>
  );
}

/** Who receives the e-mails of one contact type (the primary contact when no contact has that type). */
function Recipients({ siteId, version }: { siteId: string; version: number }) {
  const [type, setType] = useState<ContactType>('renewal');
  const recipients = useRead(
    () => read(api.GET('/v1/sites/{siteId}/recipients', { params: { path: { siteId }, query: { type } } })),
    [siteId, type, version],
  );
  return (
    <Section title="Recipients by contact type">
      <Select<ContactType> label="Contact type" value={type} options={CONTACT_TYPES} onChange={setType} />
      <Loading read={recipients}>
        {(r) => (
          <>
            {r.fallback === 'primary_contact' ? (
              <p class="warnings" role="note">
                No contact has the type {r.type.replace(/_/g, ' ')}: the primary contact receives it.
              </p>
            ) : null}
            <ul aria-label={`Recipients of ${r.type.replace(/_/g, ' ')} e-mails`}>
              {r.recipients.map((p) => (
                <li key={p.contactId ?? p.userId ?? p.email}>
                  {p.firstName} {p.lastName} &lt;{p.email}&gt;
                  {p.userId ? <small> ({p.userId})</small> : null}
                </li>
              ))}
            </ul>
          </>
        )}
      </Loading>
    </Section>
  );
}

function TransferPrimary({ siteId, onDone }: { siteId: string; onDone: () => void }) {
  const [userId, setUserId] = useState('');
  const [formerRole, setFormerRole] = useState<Role>('secondary');
  const [privileges, setPrivileges] = useState(NO_PRIVILEGES);
  const { outcome, run } = useAction();
  return (
    <Section title="Transfer the primary role">
      <Form
        label="Transfer the primary role"
        onSubmit={() =>
          confirm(`Make ${userId} the primary contact of site ${siteId}?`) &&
          run(
            () =>
              command(
                api.POST('/v1/sites/{siteId}/primary-contact', {
                  params: { path: { siteId } },
                  body: { userId, formerPrimaryRole: formerRole, formerPrimaryPrivileges: privileges },
                }),
              ),
            onDone,
          )
        }
      >
        <Field label="New primary (user id, already a member)" value={userId} onInput={setUserId} required />
        <Select<Role>
          label="Former primary becomes"
          value={formerRole}
          options={['secondary', 'user']}
          onChange={setFormerRole}
        />
        <PrivilegeMatrix value={privileges} onChange={setPrivileges} legend="Former primary keeps" />
        <button type="submit" class="danger">
          Transfer primary role
        </button>
      </Form>
      <OutcomeView outcome={outcome} />
    </Section>
  );
}

function AddUser({ siteId, onDone }: { siteId: string; onDone: () => void }) {
  const [userId, setUserId] = useState('');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('user');
  const [privileges, setPrivileges] = useState(NO_PRIVILEGES);
  const { outcome, run } = useAction();
  return (
    <Section title="Add a user">
      <Form
        label="Add a user"
        onSubmit={() =>
          run(
            () =>
              command(
                api.POST('/v1/sites/{siteId}/users', {
                  params: { path: { siteId } },
                  body: { userId, firstName, lastName, email, role, privileges },
                }),
              ),
            onDone,
          )
        }
      >
        <div class="grid">
          <Field label="User id" value={userId} onInput={setUserId} required />
          <Field label="First name" value={firstName} onInput={setFirstName} required />
          <Field label="Last name" value={lastName} onInput={setLastName} required />
          <Field label="E-mail" type="email" value={email} onInput={setEmail} required />
        </div>
        <Select<Role> label="Role" value={role} options={['user', 'secondary']} onChange={setRole} />
        <PrivilegeMatrix value={privileges} onChange={setPrivileges} />
        <button type="submit" class="primary">
          Add user
        </button>
      </Form>
      <OutcomeView outcome={outcome} />
    </Section>
  );
}
