import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

/** The typed client: every path, parameter and answer comes from the generated OpenAPI types. */
export type Schemas = components['schemas'];
export type Problem = Schemas['ProblemDto'];
export type CommandAnswer = Schemas['CommandConfirmationDto'] | Schemas['CommandUnchangedDto'];

export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '' });

let bearer: string | null = null;
/** The last position a command answered: later reads wait until the read models include it. */
let consistentWith: string | null = null;

export function setBearer(token: string | null): void {
  bearer = token;
  consistentWith = null;
}

api.use({
  onRequest({ request }) {
    if (bearer) request.headers.set('Authorization', `Bearer ${bearer}`);
    if (consistentWith && request.method === 'GET' && new URL(request.url).pathname.startsWith('/v1/'))
      request.headers.set('X-Consistent-With', consistentWith);
    return request;
  },
});

/** A problem+json answer (or a network failure described as one), thrown by `read` and `command`. */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

function toProblem(error: unknown, response: Response): Problem {
  if (error && typeof error === 'object' && 'detail' in error && 'code' in error) return error as Problem;
  return {
    type: 'about:blank',
    title: response.statusText || 'Error',
    status: response.status,
    code: 'HTTP_' + response.status,
    detail: typeof error === 'string' && error ? error : `The server answered ${response.status}.`,
  };
}

interface Answer<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/** Awaits a typed call; its data, or an ApiProblem carrying the answer's problem+json. */
export async function read<D>(call: Promise<Answer<D>>): Promise<D> {
  let answer: Answer<D>;
  try {
    answer = await call;
  } catch (error) {
    throw new ApiProblem({
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      code: 'NETWORK',
      detail: `The API could not be reached: ${String(error)}`,
    });
  }
  if (answer.error !== undefined || !answer.response.ok) throw new ApiProblem(toProblem(answer.error, answer.response));
  return answer.data as D;
}

/** A command: its answer, and later reads see what it recorded (read-your-writes). */
export async function command<D extends object>(call: Promise<Answer<D>>): Promise<D> {
  const data = await read(call);
  if ('position' in data && typeof data.position === 'string') consistentWith = data.position;
  return data;
}

/** The confirmation number of a command's answer, or null when it changed nothing. */
export function confirmationOf(answer: object): string | null {
  return 'confirmationNumber' in answer && typeof answer.confirmationNumber === 'string'
    ? answer.confirmationNumber
    : null;
}

/** Downloads a CSV answer (the bearer token rides in a header, so a plain link cannot carry it). */
export async function downloadCsv(call: Promise<Answer<unknown>>, fileName: string): Promise<void> {
  const answer = await call;
  if (!answer.response.ok) throw new ApiProblem(toProblem(answer.error, answer.response));
  const text = typeof answer.data === 'string' ? answer.data : '';
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
