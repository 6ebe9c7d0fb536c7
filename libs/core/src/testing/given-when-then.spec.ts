import { type Decider, DomainError } from '../index.js';
import { given } from './given-when-then.js';

type Command = { type: 'Add'; n: number };
type Event = { type: 'Added'; data: { n: number } };
/** Adds positive numbers only; zero changes nothing. */
const counter: Decider<Command, Event, number> = {
  initialState: () => 0,
  evolve: (total, event) => total + event.data.n,
  decide: (command) => {
    if (command.n < 0) throw new DomainError('VALIDATION_FAILED', 'Only positive numbers.');
    if (command.n > 100) throw new Error('not a domain refusal');
    return command.n === 0 ? [] : [{ type: 'Added', data: { n: command.n } }];
  },
};
const add = (n: number): Command => ({ type: 'Add', n });

describe('given/when/then rejectsEach', () => {
  it('passes when every command is refused with the code', () => {
    given(counter).rejectsEach('VALIDATION_FAILED', [add(-1), add(-2)]);
  });

  it('fails, naming the position, when one command is accepted, refused otherwise or throws a non-domain error', () => {
    expect(() => given(counter).rejectsEach('VALIDATION_FAILED', [add(-1), add(1)])).toThrow(/not refused/);
    expect(() => given(counter).rejectsEach('OTHER', [add(-1)])).toThrow(/VALIDATION_FAILED/);
    expect(() => given(counter).rejectsEach('VALIDATION_FAILED', [add(101)])).toThrow(/not a DomainError/);
  });
});
