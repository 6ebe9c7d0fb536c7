import { DomainError, errorFactory } from './errors.js';

describe('DomainError codes', () => {
  it('platform codes carry their own status', () => {
    expect(new DomainError('FORBIDDEN', 'no').status).toBe(403);
    expect(new DomainError('PROJECTION_NOT_CAUGHT_UP', 'later').status).toBe(503);
  });

  it('a context declares its codes with their status; the factory stamps it on each error', () => {
    const tripError = errorFactory({ TRIP_FULL: 409, TRIP_PRIVATE: 403 });
    const error = tripError('TRIP_FULL', 'no seats left', [{ field: 'seats', message: 'none left' }]);
    expect(error).toBeInstanceOf(DomainError);
    expect({ code: error.code, status: error.status, detail: error.detail, errors: error.errors }).toEqual({
      code: 'TRIP_FULL',
      status: 409,
      detail: 'no seats left',
      errors: [{ field: 'seats', message: 'none left' }],
    });
    expect(tripError('TRIP_PRIVATE', 'members only').status).toBe(403);
  });
});
