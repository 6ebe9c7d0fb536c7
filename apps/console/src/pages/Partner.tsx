import { useState } from 'preact/hooks';
import { api, command, read, type Schemas } from '../api/client';
import { useSession } from '../auth/session';
import { navigate } from '../router';
import {
  Field,
  Form,
  Loading,
  localToIso,
  OutcomeView,
  ProblemBox,
  problemOf,
  Section,
  Select,
  useAction,
  useRead,
  when,
} from '../ui/kit';

type Enterprise = Schemas['EnterpriseDto'];
type Location = Schemas['LocationViewDto'];
type AccessRole = Schemas['EmployeeDto']['accessRole'];
const ACCESS_ROLES: readonly AccessRole[] = [
  'prc',
  'apa',
  'distributor',
  'distributor_pi',
  'personal_update',
  'view_only',
];

const loadEnterprise = (enterpriseId: string) =>
  read(api.GET('/v1/enterprises/{enterpriseId}', { params: { path: { enterpriseId } } }));

export function PartnerHome() {
  const session = useSession()!;
  const [enterpriseId, setEnterpriseId] = useState('');
  return (
    <>
      <h1>Partner profile</h1>
      <Section title="Open an enterprise">
        <Form
          label="Open an enterprise"
          class="inline"
          onSubmit={() => enterpriseId && navigate(`/partner/${encodeURIComponent(enterpriseId.trim())}`)}
        >
          <Field label="Enterprise id" value={enterpriseId} onInput={setEnterpriseId} required />
          <button type="submit">Open</button>
        </Form>
      </Section>
      {/* permissions.change: false for auditors, whose every command the API refuses. */}
      {session.me.permissions.change ? <Join /> : null}
      {session.me.permissions.change ? <RegisterEnterprise /> : null}
    </>
  );
}

function Join() {
  const [enterpriseId, setEnterpriseId] = useState('');
  const [locationId, setLocationId] = useState('');
  const [companyToken, setCompanyToken] = useState('');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [email, setEmail] = useState('');
  const { outcome, run } = useAction();
  return (
    <Section title="Join a location with its company token">
      <Form
        label="Join a location"
        onSubmit={() =>
          run(() =>
            command(
              api.POST('/v1/enterprises/{enterpriseId}/locations/{locationId}/self-associations', {
                params: { path: { enterpriseId: enterpriseId.trim(), locationId: locationId.trim() } },
                body: { firstName, lastName, email, companyToken: companyToken.trim() },
              }),
            ),
          )
        }
      >
        <div class="grid">
          <Field label="Enterprise id" value={enterpriseId} onInput={setEnterpriseId} required />
          <Field label="Location id" value={locationId} onInput={setLocationId} required />
          <Field label="Company token" value={companyToken} onInput={setCompanyToken} required />
          <Field label="First name" value={firstName} onInput={setFirstName} required />
          <Field label="Last name" value={lastName} onInput={setLastName} required />
          <Field label="E-mail" type="email" value={email} onInput={setEmail} required />
        </div>
        <button type="submit" class="primary">
          Ask to join
        </button>
      </Form>
      <OutcomeView outcome={outcome} />
    </Section>
  );
}

export function EnterprisePage({ enterpriseId }: { enterpriseId: string }) {
  const enterprise = useRead(() => loadEnterprise(enterpriseId), [enterpriseId]);
  return (
    <>
      <h1>Enterprise {enterprise.data?.name ?? enterpriseId}</h1>
      <Loading read={enterprise}>
        {(e) => {
          // Shown only where the API says the caller may make these changes (it decides every one again).
          const worldwide = e.permissions.rename || e.permissions.moveHeadquarters;
          const countriesIRun = e.countryEnterprises.filter(
            (c) => c.permissions.rename || c.permissions.moveHeadquarters,
          );
          return (
            <>
              <Section title="Enterprise tree">
                <p>
                  Registered {when(e.registeredAt)} by {e.registeredBy}
                </p>
                <ul class="tree">
                  {e.countryEnterprises.map((c) => (
                    <li key={c.countryEnterpriseId}>
                      <strong>
                        {c.country} — {c.name}
                      </strong>
                      <ul>
                        {c.locations.map((l) => (
                          <li key={l.locationId}>
                            <a href={`/partner/${enterpriseId}/locations/${l.locationId}`}>
                              {l.name}, {l.city}
                            </a>
                            {l.locationId === e.worldwideHeadquartersLocationId ? (
                              <span class="badge">worldwide HQ</span>
                            ) : null}
                            {l.locationId === c.headquartersLocationId ? <span class="badge">country HQ</span> : null}{' '}
                            <small>
                              tier {l.partnerTier}
                              {/* absent: not the caller's to see (the warnings still say when it is missing) */}
                              {l.prcUserId !== undefined ? `, PRC ${l.prcUserId ?? 'missing'}` : null}
                            </small>
                            {l.warnings.length ? (
                              <ul class="warnings">
                                {l.warnings.map((w) => (
                                  <li key={w}>{w}</li>
                                ))}
                              </ul>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              </Section>
              {worldwide ? <WorldwideEdits enterprise={e} onDone={enterprise.reload} /> : null}
              {countriesIRun.map((c) => (
                <CountryEdits
                  key={c.countryEnterpriseId}
                  enterpriseId={e.enterpriseId}
                  country={c}
                  onDone={enterprise.reload}
                />
              ))}
            </>
          );
        }}
      </Loading>
    </>
  );
}

const locationLabel = (l: Location) => `${l.name}${l.city ? `, ${l.city}` : ''} (${l.country})`;

/** Renaming the enterprise and moving its worldwide HQ: the PRC of the worldwide HQ only. */
function WorldwideEdits({ enterprise, onDone }: { enterprise: Enterprise; onDone: () => void }) {
  const { enterpriseId } = enterprise;
  const [name, setName] = useState(enterprise.name);
  const locations = enterprise.countryEnterprises.flatMap((c) => c.locations);
  const [hq, setHq] = useState(enterprise.worldwideHeadquartersLocationId);
  const { outcome, run } = useAction();
  return (
    <Section title="Enterprise name and worldwide headquarters">
      {enterprise.permissions.rename ? (
        <Form
          label="Rename the enterprise"
          class="inline"
          onSubmit={() =>
            run(
              () =>
                command(
                  api.PUT('/v1/enterprises/{enterpriseId}/profile', {
                    params: { path: { enterpriseId } },
                    body: { name },
                  }),
                ),
              onDone,
            )
          }
        >
          <Field label="Enterprise name" value={name} onInput={setName} required />
          <button type="submit">Rename enterprise</button>
        </Form>
      ) : null}
      {enterprise.permissions.moveHeadquarters && locations.length > 1 ? (
        <Form
          label="Move the worldwide headquarters"
          class="inline"
          onSubmit={() =>
            confirm('Move the worldwide headquarters? Its PRC gains authority over the whole enterprise.') &&
            run(
              () =>
                command(
                  api.PUT('/v1/enterprises/{enterpriseId}/headquarters', {
                    params: { path: { enterpriseId } },
                    body: { locationId: hq },
                  }),
                ),
              onDone,
            )
          }
        >
          <Select<string>
            label="Worldwide headquarters"
            value={hq}
            options={locations.map((l) => [l.locationId, locationLabel(l)] as [string, string])}
            onChange={setHq}
          />
          <button type="submit">Move worldwide HQ</button>
        </Form>
      ) : null}
      <OutcomeView outcome={outcome} />
    </Section>
  );
}

/** Renaming a country enterprise and moving its HQ: the PRC of its HQ or of the worldwide HQ. */
function CountryEdits(props: {
  enterpriseId: string;
  country: Enterprise['countryEnterprises'][number];
  onDone: () => void;
}) {
  const { enterpriseId, country } = props;
  const path = { enterpriseId, countryEnterpriseId: country.countryEnterpriseId };
  const [name, setName] = useState(country.name);
  const [hq, setHq] = useState(country.headquartersLocationId);
  const { outcome, run } = useAction();
  return (
    <Section title={`Country enterprise ${country.country}: ${country.name}`}>
      {country.permissions.rename ? (
        <Form
          label={`Rename country enterprise ${country.country}`}
          class="inline"
          onSubmit={() =>
            run(
              () =>
                command(
                  api.PUT('/v1/enterprises/{enterpriseId}/country-enterprises/{countryEnterpriseId}/profile', {
                    params: { path },
                    body: { name },
                  }),
                ),
              props.onDone,
            )
          }
        >
          <Field label={`Name of country enterprise ${country.country}`} value={name} onInput={setName} required />
          <button type="submit">Rename country enterprise</button>
        </Form>
      ) : null}
      {country.permissions.moveHeadquarters && country.locations.length > 1 ? (
        <Form
          label={`Move the headquarters of ${country.country}`}
          class="inline"
          onSubmit={() =>
            run(
              () =>
                command(
                  api.PUT('/v1/enterprises/{enterpriseId}/country-enterprises/{countryEnterpriseId}/headquarters', {
                    params: { path },
                    body: { locationId: hq },
                  }),
                ),
              props.onDone,
            )
          }
        >
          <Select<string>
            label={`Headquarters of ${country.country}`}
            value={hq}
            options={country.locations.map((l) => [l.locationId, locationLabel(l)] as [string, string])}
            onChange={setHq}
          />
          <button type="submit">Move country HQ</button>
        </Form>
      ) : null}
      <OutcomeView outcome={outcome} />
    </Section>
  );
}

export function LocationPage({ enterpriseId, locationId }: { enterpriseId: string; locationId: string }) {
  const session = useSession()!;
  const enterprise = useRead(() => loadEnterprise(enterpriseId), [enterpriseId]);
  const location = useRead(
    () =>
      read(
        api.GET('/v1/enterprises/{enterpriseId}/locations/{locationId}', {
          params: { path: { enterpriseId, locationId } },
        }),
      ),
    [enterpriseId, locationId],
  );
  // What the caller may do here, as the API says (it decides every request again).
  const permissions = location.data?.permissions;
  // Every change bumps the version: the employee list reloads, and the location with its permissions
  // (the enterprise is read only for its name, which no change here touches).
  const [version, setVersion] = useState(0);
  const changed = () => {
    setVersion((v) => v + 1);
    location.reload();
  };
  const l = location.data;
  return (
    <>
      <h1>
        Location {l ? `${l.name}${l.city ? `, ${l.city}` : ''}` : locationId}{' '}
        <small>
          <a href={`/partner/${enterpriseId}`}>enterprise {enterprise.data?.name ?? enterpriseId}</a>
        </small>
      </h1>
      {location.problem ? <ProblemBox problem={location.problem} /> : null}
      {permissions?.viewEmployees ? (
        <Employees
          enterpriseId={enterpriseId}
          locationId={locationId}
          version={version}
          manages={permissions.manage}
          me={session.me.userId}
          onChange={changed}
        />
      ) : null}
      {l && permissions?.manage ? (
        <>
          <AddEmployee enterpriseId={enterpriseId} locationId={locationId} onDone={changed} />
          <SelfAssociations enterpriseId={enterpriseId} locationId={locationId} onChange={changed} />
          <Settings enterpriseId={enterpriseId} location={l} onDone={changed} />
          <RotateToken enterpriseId={enterpriseId} locationId={locationId} version={version} onDone={changed} />
        </>
      ) : null}
      {permissions?.viewCompliance ? (
        <Compliance enterpriseId={enterpriseId} locationId={locationId} version={version} />
      ) : null}
    </>
  );
}

function Employees(props: {
  enterpriseId: string;
  locationId: string;
  version: number;
  manages: boolean;
  me: string;
  onChange: () => void;
}) {
  const { enterpriseId, locationId } = props;
  const { outcome, run } = useAction();
  const [roles, setRoles] = useState<Record<string, AccessRole>>({});
  const [asOfInput, setAsOfInput] = useState('');
  const [asOf, setAsOf] = useState<string | undefined>(undefined);
  const employees = useRead(
    () =>
      read(
        api.GET('/v1/enterprises/{enterpriseId}/locations/{locationId}/employees', {
          params: { path: { enterpriseId, locationId }, query: { limit: 200, ...(asOf ? { asOf } : {}) } },
        }),
      ),
    [enterpriseId, locationId, asOf, props.version],
  );
  return (
    <Section title={asOf ? `Employees as of ${when(asOf)}` : 'Employees'}>
      <Form label="Employees as of" class="inline" onSubmit={() => setAsOf(localToIso(asOfInput))}>
        <Field label="As of (date and time)" type="datetime-local" value={asOfInput} onInput={setAsOfInput} />
        <button type="submit">Show</button>
      </Form>
      <OutcomeView outcome={outcome} />
      <Loading read={employees}>
        {(page) => (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Employee</th>
                  <th scope="col">Access role</th>
                  <th scope="col">TCI</th>
                  <th scope="col">Contact</th>
                  {props.manages && !asOf ? <th scope="col">Change access role</th> : null}
                </tr>
              </thead>
              <tbody>
                {page.items.map((e) => (
                  <tr key={e.userId}>
                    <td>
                      {e.firstName} {e.lastName}
                      <br />
                      <small>{e.userId}</small>
                    </td>
                    <td>{e.accessRole.replace(/_/g, ' ')}</td>
                    <td>
                      {[
                        e.tci?.businessContact ? 'business contact' : '',
                        e.tci?.secondaryBusinessContact ? 'secondary business contact' : '',
                      ]
                        .filter(Boolean)
                        .join(', ') || '—'}
                    </td>
                    <td>
                      {e.email ?? '(not shown)'}
                      {e.telephone ? <br /> : null}
                      {e.telephone}
                    </td>
                    {props.manages && !asOf ? (
                      <td>
                        {e.userId === undefined || e.userId === props.me
                          ? null
                          : ((userId: string) => (
                              <Form
                                label={`Access role of ${userId}`}
                                class="inline"
                                onSubmit={() =>
                                  run(
                                    () =>
                                      command(
                                        api.PUT(
                                          '/v1/enterprises/{enterpriseId}/locations/{locationId}/employees/{userId}/access-role',
                                          {
                                            params: { path: { enterpriseId, locationId, userId } },
                                            body: { accessRole: roles[userId] ?? e.accessRole },
                                          },
                                        ),
                                      ),
                                    props.onChange,
                                  )
                                }
                              >
                                <Select<AccessRole>
                                  label={`Access role of ${e.firstName} ${e.lastName}`}
                                  value={roles[userId] ?? e.accessRole}
                                  options={ACCESS_ROLES}
                                  onChange={(role) => setRoles({ ...roles, [userId]: role })}
                                />
                                <button type="submit">Set</button>
                              </Form>
                            ))(e.userId)}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Loading>
    </Section>
  );
}

function SelfAssociations(props: { enterpriseId: string; locationId: string; onChange: () => void }) {
  const { enterpriseId, locationId } = props;
  const pending = useRead(
    () =>
      read(
        api.GET('/v1/enterprises/{enterpriseId}/locations/{locationId}/self-associations', {
          params: { path: { enterpriseId, locationId }, query: { status: 'pending', limit: 100 } },
        }),
      ),
    [enterpriseId, locationId],
  );
  const { outcome, run } = useAction();
  const done = () => {
    pending.reload();
    props.onChange();
  };
  const [reasons, setReasons] = useState<Record<string, string>>({});
  return (
    <Section title="Self-association approvals">
      <OutcomeView outcome={outcome} />
      <Loading read={pending}>
        {(page) =>
          page.items.length === 0 ? (
            <p>No one is waiting.</p>
          ) : (
            <ul class="requests">
              {page.items.map((a) => {
                const path = { enterpriseId, locationId, associationId: a.associationId };
                const who = `${a.firstName} ${a.lastName}`;
                return (
                  <li key={a.associationId} class="request">
                    <p>
                      <strong>{who}</strong> ({a.userId}, {a.email}) asked on {when(a.requestedAt)} —{' '}
                      <span class="mono">{a.confirmationNumber}</span>
                    </p>
                    <div class="buttons">
                      <button
                        type="button"
                        class="primary"
                        onClick={() =>
                          run(
                            () =>
                              command(
                                api.POST(
                                  '/v1/enterprises/{enterpriseId}/locations/{locationId}/self-associations/{associationId}/approve',
                                  { params: { path } },
                                ),
                              ),
                            done,
                          )
                        }
                      >
                        Approve {who}
                      </button>
                    </div>
                    <Form
                      label={`Deny ${who}`}
                      class="inline"
                      onSubmit={() =>
                        run(
                          () =>
                            command(
                              api.POST(
                                '/v1/enterprises/{enterpriseId}/locations/{locationId}/self-associations/{associationId}/deny',
                                {
                                  params: { path },
                                  body: reasons[a.associationId] ? { reason: reasons[a.associationId] } : {},
                                },
                              ),
                            ),
                          done,
                        )
                      }
                    >
                      <Field
                        label="Reason (optional)"
                        value={reasons[a.associationId] ?? ''}
                        onInput={(v) => setReasons({ ...reasons, [a.associationId]: v })}
                      />
                      <button type="submit" class="danger">
                        Deny
                      </button>
                    </Form>
                  </li>
                );
              })}
            </ul>
          )
        }
      </Loading>
    </Section>
  );
}

function Settings({
  enterpriseId,
  location,
  onDone,
}: {
  enterpriseId: string;
  location: Location;
  onDone: () => void;
}) {
  const { outcome, run } = useAction();
  const next = !location.autoAcceptSelfAssociation;
  return (
    <Section title="Settings">
      <p>
        Self-associations are{' '}
        {location.autoAcceptSelfAssociation ? 'accepted automatically' : 'approved by the PRC or an APA'}.
      </p>
      <button
        type="button"
        onClick={() =>
          run(
            () =>
              command(
                api.PUT('/v1/enterprises/{enterpriseId}/locations/{locationId}/settings', {
                  params: { path: { enterpriseId, locationId: location.locationId } },
                  body: { autoAcceptSelfAssociation: next },
                }),
              ),
            onDone,
          )
        }
      >
        {next ? 'Accept self-associations automatically' : 'Require approval of self-associations'}
      </button>
      <OutcomeView outcome={outcome} />
    </Section>
  );
}

function RotateToken(props: { enterpriseId: string; locationId: string; version: number; onDone: () => void }) {
  const { enterpriseId, locationId } = props;
  const [token, setToken] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const { outcome, run } = useAction();
  const info = useRead(
    () =>
      read(
        api.GET('/v1/enterprises/{enterpriseId}/locations/{locationId}', {
          params: { path: { enterpriseId, locationId } },
        }),
      ),
    [enterpriseId, locationId, props.version],
  );
  return (
    <Section title="Company token">
      <p>Only a digest of the token is stored: a new token is shown once, here, right after rotation.</p>
      <Loading read={info}>
        {(l) => (
          <p class="rotation">
            {l.tokenRotatedAt
              ? `Last rotated ${when(l.tokenRotatedAt)} by ${l.tokenRotatedBy ?? '—'}.`
              : 'Not rotated since the location was created.'}
          </p>
        )}
      </Loading>
      <button
        type="button"
        onClick={() => {
          setToken(null);
          setCopied(false);
          run(
            () =>
              command(
                api.POST('/v1/enterprises/{enterpriseId}/locations/{locationId}/company-token', {
                  params: { path: { enterpriseId, locationId } },
                }),
              ),
            (answer) => {
              setToken((answer as Schemas['RotateCompanyTokenResponseDto']).companyToken);
              props.onDone();
            },
          );
        }}
      >
        Rotate company token
      </button>
      <OutcomeView outcome={outcome} />
      {token ? (
        <div class="secret" role="region" aria-label="New company token">
          <p>New company token (shown once; copy it now):</p>
          <code class="token">{token}</code>{' '}
          <button
            type="button"
            onClick={() =>
              void navigator.clipboard.writeText(token).then(
                () => setCopied(true),
                (e: unknown) => alert(problemOf(e).detail),
              )
            }
          >
            {copied ? 'Copied' : 'Copy token'}
          </button>
        </div>
      ) : null}
    </Section>
  );
}

const ADDABLE_ROLES = ACCESS_ROLES.filter((r) => r !== 'prc');

/** Adds a person to the location directly (PRC or APA in scope; the PRC role only by transfer). */
function AddEmployee(props: { enterpriseId: string; locationId: string; onDone: () => void }) {
  const [f, setF] = useState({ userId: '', firstName: '', lastName: '', email: '', telephone: '' });
  const [accessRole, setAccessRole] = useState<AccessRole>('personal_update');
  const { outcome, run } = useAction();
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
    <Section title="Add an employee">
      <Form
        label="Add an employee"
        onSubmit={() =>
          run(
            () =>
              command(
                api.POST('/v1/enterprises/{enterpriseId}/locations/{locationId}/employees', {
                  params: { path: { enterpriseId: props.enterpriseId, locationId: props.locationId } },
                  body: {
                    userId: f.userId.trim(),
                    firstName: f.firstName,
                    lastName: f.lastName,
                    email: f.email,
                    ...(f.telephone.trim() ? { telephone: f.telephone.trim() } : {}),
                    accessRole,
                  },
                }),
              ),
            props.onDone,
          )
        }
      >
        <div class="grid">
          {field('userId', 'User id')}
          {field('firstName', 'First name')}
          {field('lastName', 'Last name')}
          {field('email', 'E-mail', 'email')}
          {field('telephone', 'Telephone (optional)')}
          <Select<AccessRole> label="Access role" value={accessRole} options={ADDABLE_ROLES} onChange={setAccessRole} />
        </div>
        <button type="submit" class="primary">
          Add employee
        </button>
      </Form>
      <OutcomeView outcome={outcome} />
    </Section>
  );
}

/** Tier, region, PRC, employees by access role and TCI contacts; hidden from people the API refuses it to. */
function Compliance(props: { enterpriseId: string; locationId: string; version: number }) {
  const { enterpriseId, locationId } = props;
  const summary = useRead(
    () =>
      read(
        api.GET('/v1/enterprises/{enterpriseId}/locations/{locationId}/compliance-summary', {
          params: { path: { enterpriseId, locationId } },
        }),
      ),
    [enterpriseId, locationId, props.version],
  );
  if (summary.problem?.code === 'FORBIDDEN') return null;
  return (
    <Section title="Compliance summary">
      <Loading read={summary}>
        {(c) => (
          <dl class="facts">
            <dt>Partner tier</dt>
            <dd>{c.partnerTier}</dd>
            <dt>Region</dt>
            <dd>{c.region.replace(/_/g, ' ')}</dd>
            <dt>PRC assigned</dt>
            <dd>{c.prcAssigned ? 'yes' : 'no'}</dd>
            <dt>Employees</dt>
            <dd>{c.employees}</dd>
            <dt>By access role</dt>
            <dd>{ACCESS_ROLES.map((r) => `${r.replace(/_/g, ' ')}: ${c.employeesByAccessRole[r]}`).join(', ')}</dd>
            <dt>TCI contacts</dt>
            <dd>
              business contact {c.tciContacts.businessContact ? 'present' : 'missing'}, secondary business contact{' '}
              {c.tciContacts.secondaryBusinessContact ? 'present' : 'missing'}
            </dd>
          </dl>
        )}
      </Loading>
    </Section>
  );
}

function RegisterEnterprise() {
  const [f, setF] = useState({
    name: '',
    countryEnterpriseName: '',
    locationName: '',
    address: '',
    city: '',
    postalCode: '',
    country: '',
    firstName: '',
    lastName: '',
    email: '',
  });
  const [tier, setTier] = useState<'1' | '2'>('2');
  const [created, setCreated] = useState<Schemas['RegisterEnterpriseResponseDto'] | null>(null);
  const { outcome, run } = useAction();
  const field = (key: keyof typeof f, label: string, type?: 'email') => (
    <Field label={label} type={type} value={f[key]} onInput={(v) => setF({ ...f, [key]: v })} required />
  );
  return (
    <Section title="Register an enterprise (you become its PRC)">
      <Form
        label="Register an enterprise"
        onSubmit={() => {
          setCreated(null);
          run(
            () =>
              command(
                api.POST('/v1/enterprises', {
                  body: {
                    name: f.name,
                    countryEnterpriseName: f.countryEnterpriseName,
                    location: {
                      name: f.locationName,
                      address: f.address,
                      city: f.city,
                      postalCode: f.postalCode,
                      country: f.country.trim().toUpperCase(),
                      partnerTier: tier === '1' ? 1 : 2,
                    },
                    employee: { firstName: f.firstName, lastName: f.lastName, email: f.email },
                  },
                }),
              ),
            (answer) => setCreated(answer as Schemas['RegisterEnterpriseResponseDto']),
          );
        }}
      >
        <div class="grid">
          {field('name', 'Enterprise name')}
          {field('countryEnterpriseName', 'Country enterprise name')}
          {field('locationName', 'Headquarters location name')}
          {field('address', 'Address')}
          {field('city', 'City')}
          {field('postalCode', 'Postal code')}
          {field('country', 'Country (ISO code, e.g. US)')}
          <Select<'1' | '2'>
            label="Partner tier"
            value={tier}
            options={[
              ['1', 'tier 1'],
              ['2', 'tier 2'],
            ]}
            onChange={setTier}
          />
          {field('firstName', 'Your first name')}
          {field('lastName', 'Your last name')}
          {field('email', 'Your e-mail', 'email')}
        </div>
        <button type="submit" class="primary">
          Register enterprise
        </button>
      </Form>
      <OutcomeView outcome={outcome} />
      {created ? (
        <div class="secret" role="region" aria-label="New enterprise">
          <p>
            <a href={`/partner/${created.enterpriseId}`}>Open the new enterprise</a> (id{' '}
            <code>{created.enterpriseId}</code>
            ). Its headquarters’ company token, shown once:
          </p>
          <code class="token">{created.companyToken}</code>
        </div>
      ) : null}
    </Section>
  );
}
