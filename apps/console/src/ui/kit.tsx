import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useId, useState } from 'preact/hooks';
import { ApiProblem, confirmationOf, type Problem } from '../api/client';
import { signOut } from '../auth/session';

/** Any failure as a problem+json body (what every error box shows: its `detail`). */
export function problemOf(error: unknown): Problem {
  if (error instanceof ApiProblem) return error.problem;
  return { type: 'about:blank', title: 'Error', status: 0, code: 'CLIENT', detail: String(error) };
}

/** A read: data, the problem it ran into, and reload. */
export function useRead<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<{ data?: T; problem?: Problem; loading: boolean }>({ loading: true });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ problem: problemOf(error), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}

export type Outcome =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'done'; confirmation: string | null; extra?: ComponentChildren }
  | { kind: 'failed'; problem: Problem };

/** A change: runs the command and keeps its outcome (confirmation number or problem). */
export function useAction() {
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const run = useCallback((act: () => Promise<object>, after?: (answer: object) => void): void => {
    setOutcome({ kind: 'pending' });
    act().then(
      (answer) => {
        setOutcome({ kind: 'done', confirmation: confirmationOf(answer) });
        after?.(answer);
      },
      (error: unknown) => setOutcome({ kind: 'failed', problem: problemOf(error) }),
    );
  }, []);
  return { outcome, run, setOutcome };
}

export function ProblemBox({ problem }: { problem: Problem }) {
  return (
    <div class="problem" role="alert">
      <strong>{problem.title}</strong> <code>{problem.code}</code>
      <p class="detail">{problem.detail}</p>
      {problem.code === 'REAUTHENTICATION_REQUIRED' ? (
        <p>
          <button type="button" onClick={signOut}>
            Sign in again
          </button>
        </p>
      ) : null}
      {problem.errors?.length ? (
        <ul>
          {problem.errors.map((e) => (
            <li key={e.field}>
              <code>{e.field}</code>: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** What a change did: its confirmation number, or the problem's detail. */
export function OutcomeView({ outcome }: { outcome: Outcome }) {
  if (outcome.kind === 'idle') return null;
  if (outcome.kind === 'pending')
    return (
      <p class="status" role="status">
        Working…
      </p>
    );
  if (outcome.kind === 'failed') return <ProblemBox problem={outcome.problem} />;
  return (
    <div class="done" role="status">
      {outcome.confirmation ? (
        <>
          Done. Confirmation number <strong class="confirmation">{outcome.confirmation}</strong>
        </>
      ) : (
        'Nothing changed: it was already so.'
      )}
      {outcome.extra}
    </div>
  );
}

export function Loading<T>({
  read,
  children,
}: {
  read: { data?: T; problem?: Problem; loading: boolean };
  children: (data: T) => ComponentChildren;
}) {
  if (read.problem) return <ProblemBox problem={read.problem} />;
  if (read.data === undefined) return <p class="status">Loading…</p>;
  return <>{children(read.data)}</>;
}

export function Field(props: {
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'email' | 'datetime-local';
  required?: boolean;
  placeholder?: string;
  hint?: string;
  name?: string;
  autoComplete?: string;
}) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={(props.type ?? 'text') as 'text'}
        value={props.value}
        required={props.required}
        placeholder={props.placeholder}
        autoComplete={props.autoComplete ?? 'off'}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onInput={(e) => props.onInput((e.target as HTMLInputElement).value)}
      />
      {props.hint ? (
        <small id={`${id}-hint`} class="hint">
          {props.hint}
        </small>
      ) : null}
    </div>
  );
}

export function Select<V extends string>(props: {
  label: string;
  value: V;
  options: readonly (V | [V, string])[];
  onChange: (value: V) => void;
}) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange((e.target as HTMLSelectElement).value as V)}>
        {props.options.map((option) => {
          const [value, text] = Array.isArray(option) ? option : [option, option.replace(/_/g, ' ')];
          return (
            <option key={value} value={value}>
              {text}
            </option>
          );
        })}
      </select>
    </div>
  );
}

export function Form(props: { label: string; onSubmit: () => void; children: ComponentChildren; class?: string }) {
  return (
    <form
      class={`form ${props.class ?? ''}`}
      aria-label={props.label}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      {props.children}
    </form>
  );
}

export function Pager(props: {
  offset: number;
  limit: number;
  total: number;
  onOffset: (offset: number) => void;
  label: string;
}) {
  const { offset, limit, total } = props;
  const last = Math.min(offset + limit, total);
  return (
    <nav class="pager" aria-label={`${props.label} pages`}>
      <button type="button" disabled={offset === 0} onClick={() => props.onOffset(Math.max(0, offset - limit))}>
        Previous
      </button>
      <span>{total === 0 ? 'none' : `${offset + 1}–${last} of ${total}`}</span>
      <button type="button" disabled={last >= total} onClick={() => props.onOffset(offset + limit)}>
        Next
      </button>
    </nav>
  );
}

export function Section(props: { title: string; children: ComponentChildren; actions?: ComponentChildren }) {
  const id = useId();
  return (
    <section class="card" aria-labelledby={id}>
      <header class="card-head">
        <h2 id={id}>{props.title}</h2>
        {props.actions}
      </header>
      {props.children}
    </section>
  );
}

export const when = (iso: string | null | undefined): string => (iso ? new Date(iso).toLocaleString() : '—');

/** A datetime-local value (local time) → an ISO instant for ?asOf. */
export const localToIso = (value: string): string | undefined => (value ? new Date(value).toISOString() : undefined);
