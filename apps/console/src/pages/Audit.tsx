import { useState } from 'preact/hooks';
import { api, downloadCsv, read, type Schemas } from '../api/client';
import { navigate } from '../router';
import { Field, Form, Loading, localToIso, Pager, ProblemBox, problemOf, Section, useRead, when } from '../ui/kit';

type Filter = 'actorId' | 'targetUserId' | 'siteId' | 'enterpriseId' | 'locationId' | 'action' | 'from' | 'to';
const FILTERS: [Filter, string, 'datetime-local'?][] = [
  ['actorId', 'Actor (user id)'],
  ['targetUserId', 'Target (user id)'],
  ['siteId', 'Site id'],
  ['enterpriseId', 'Enterprise id'],
  ['locationId', 'Location id'],
  ['action', 'Action (e.g. GrantAccess)'],
  ['from', 'From', 'datetime-local'],
  ['to', 'To', 'datetime-local'],
];
const PAGE = 25;

const changeText = (c: Schemas['FieldChangeDto']) => `${c.field}: ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`;

export function AuditPage({ search }: { search: URLSearchParams }) {
  const initial = Object.fromEntries(FILTERS.map(([key]) => [key, search.get(key) ?? ''])) as Record<Filter, string>;
  const [form, setForm] = useState(initial);
  const [number, setNumber] = useState('');
  const [person, setPerson] = useState({ siteId: '', userId: '' });
  const [csvProblem, setCsvProblem] = useState<ReturnType<typeof problemOf> | null>(null);
  const offset = Number(search.get('offset') ?? 0) || 0;
  const query = {
    ...Object.fromEntries(
      FILTERS.filter(([key]) => initial[key]).map(([key, , type]) => [
        key,
        type === 'datetime-local' ? localToIso(initial[key]) : initial[key].trim(),
      ]),
    ),
  } as Partial<Record<Filter, string>>;
  const searched = FILTERS.some(([key]) => initial[key]) || search.has('all');
  const key = search.toString();
  const results = useRead(
    () =>
      searched
        ? read(api.GET('/v1/audit', { params: { query: { ...query, limit: PAGE, offset } } }))
        : Promise.resolve(null),
    [key],
  );
  const go = (next: Record<Filter, string>, at = 0) => {
    const params = new URLSearchParams();
    for (const [k] of FILTERS) if (next[k]) params.set(k, next[k]);
    if (![...params.keys()].length) params.set('all', '1');
    if (at) params.set('offset', String(at));
    navigate(`/audit?${params.toString()}`);
  };

  return (
    <>
      <h1>Audit</h1>
      <Section title="Look up a confirmation number">
        <Form
          label="Look up a confirmation number"
          class="inline"
          onSubmit={() => number.trim() && navigate(`/audit/confirmations/${encodeURIComponent(number.trim())}`)}
        >
          <Field label="Confirmation number" value={number} onInput={setNumber} required />
          <button type="submit">Look up</button>
        </Form>
      </Section>
      <Section title="A person’s access timeline">
        <Form
          label="A person’s access timeline"
          class="inline"
          onSubmit={() =>
            navigate(
              `/audit/sites/${encodeURIComponent(person.siteId.trim())}/people/${encodeURIComponent(person.userId.trim())}`,
            )
          }
        >
          <Field
            label="Site id"
            value={person.siteId}
            onInput={(siteId) => setPerson({ ...person, siteId })}
            required
          />
          <Field
            label="User id"
            value={person.userId}
            onInput={(userId) => setPerson({ ...person, userId })}
            required
          />
          <button type="submit">Show timeline</button>
        </Form>
      </Section>
      <Section
        title="Search the trail"
        actions={
          searched ? (
            <button
              type="button"
              onClick={() => {
                setCsvProblem(null);
                downloadCsv(api.GET('/v1/audit.csv', { params: { query }, parseAs: 'text' }), 'audit.csv').catch(
                  (e: unknown) => setCsvProblem(problemOf(e)),
                );
              }}
            >
              Download CSV
            </button>
          ) : null
        }
      >
        <Form label="Search the audit trail" onSubmit={() => go(form)}>
          <div class="grid">
            {FILTERS.map(([k, label, type]) => (
              <Field key={k} label={label} type={type} value={form[k]} onInput={(v) => setForm({ ...form, [k]: v })} />
            ))}
          </div>
          <button type="submit" class="primary">
            Search
          </button>
        </Form>
        {csvProblem ? <ProblemBox problem={csvProblem} /> : null}
        <Loading read={results}>
          {(page) =>
            page === null ? null : (
              <>
                <div class="table-wrap">
                  <table aria-label="Audit entries">
                    <thead>
                      <tr>
                        <th scope="col">When</th>
                        <th scope="col">Action</th>
                        <th scope="col">Actor</th>
                        <th scope="col">Target</th>
                        <th scope="col">Scope</th>
                        <th scope="col">Confirmation</th>
                      </tr>
                    </thead>
                    <tbody>
                      {page.items.map((e) => (
                        <tr key={e.confirmationNumber}>
                          <td>{when(e.occurredAt)}</td>
                          <td>{e.action}</td>
                          <td>{e.actorId}</td>
                          <td>{e.targetUserIds.join(', ') || '—'}</td>
                          <td>{scopeText(e.scope)}</td>
                          <td>
                            <a class="mono" href={`/audit/confirmations/${e.confirmationNumber}`}>
                              {e.confirmationNumber}
                            </a>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <Pager
                  label="Audit entries"
                  offset={offset}
                  limit={PAGE}
                  total={page.total}
                  onOffset={(at) => go(initial, at)}
                />
              </>
            )
          }
        </Loading>
      </Section>
    </>
  );
}

const scopeText = (s: Schemas['AuditScopeDto']) =>
  [
    s.siteId && `site ${s.siteId}`,
    s.enterpriseId && `enterprise ${s.enterpriseId}`,
    s.locationId && `location ${s.locationId}`,
  ]
    .filter(Boolean)
    .join(', ') || '—';

export function ConfirmationPage({ number }: { number: string }) {
  const entry = useRead(
    () => read(api.GET('/v1/confirmations/{confirmationNumber}', { params: { path: { confirmationNumber: number } } })),
    [number],
  );
  return (
    <>
      <h1>Confirmation {number}</h1>
      <Loading read={entry}>
        {(e) => (
          <Section title={e.action}>
            <dl class="facts">
              <dt>Confirmation number</dt>
              <dd class="mono">{e.confirmationNumber}</dd>
              <dt>Action</dt>
              <dd>{e.action}</dd>
              <dt>Actor</dt>
              <dd>{e.actorId}</dd>
              <dt>When</dt>
              <dd>{when(e.occurredAt)}</dd>
              <dt>Scope</dt>
              <dd>{scopeText(e.scope)}</dd>
              <dt>Target</dt>
              <dd>{e.targetUserIds.join(', ') || '—'}</dd>
              {e.justification ? (
                <>
                  <dt>Justification</dt>
                  <dd>{e.justification}</dd>
                </>
              ) : null}
              {e.reason ? (
                <>
                  <dt>Reason</dt>
                  <dd>{e.reason}</dd>
                </>
              ) : null}
            </dl>
            <h3>Changes</h3>
            {e.changes.length ? (
              <ul>
                {e.changes.map((c, i) => (
                  <li key={i}>{changeText(c)}</li>
                ))}
              </ul>
            ) : (
              <p>None recorded.</p>
            )}
            <h3>Events</h3>
            <ul>
              {e.events.map((ev, i) => (
                <li key={i}>
                  <code>{ev.type}</code>
                </li>
              ))}
            </ul>
          </Section>
        )}
      </Loading>
    </>
  );
}

export function TimelinePage({ siteId, userId }: { siteId: string; userId: string }) {
  const history = useRead(
    () => read(api.GET('/v1/sites/{siteId}/users/{userId}/history', { params: { path: { siteId, userId } } })),
    [siteId, userId],
  );
  return (
    <>
      <h1>
        Access timeline of {userId} on <a href={`/sites/${siteId}`}>site {siteId}</a>
      </h1>
      <Loading read={history}>
        {(h) => (
          <Section title="Timeline">
            {h.items.length === 0 ? (
              <p>No access changes.</p>
            ) : (
              <ol class="timeline">
                {h.items.map((item) => (
                  <li key={item.confirmationNumber}>
                    <strong>{item.action}</strong> by {item.actorId}, {when(item.occurredAt)} —{' '}
                    <a class="mono" href={`/audit/confirmations/${item.confirmationNumber}`}>
                      {item.confirmationNumber}
                    </a>
                    {item.changes.length ? (
                      <ul>
                        {item.changes.map((c, i) => (
                          <li key={i}>{changeText(c)}</li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
          </Section>
        )}
      </Loading>
    </>
  );
}
