import { jsonDepthExceeds, prototypeKeys } from './json-limits.js';

describe('JSON body limits', () => {
  it('counts nesting of arrays and objects, not brackets inside strings or escaped quotes', () => {
    expect(jsonDepthExceeds('[[{"a":[1]}]]', 4)).toBe(false);
    expect(jsonDepthExceeds('[[{"a":[[1]]}]]', 4)).toBe(true);
    expect(jsonDepthExceeds(`{"a":"${'[{'.repeat(50)}"}`, 1)).toBe(false);
    expect(jsonDepthExceeds('{"a":"\\"[[[[","b":1}', 1)).toBe(false);
    expect(jsonDepthExceeds('[]'.repeat(100), 1)).toBe(false);
    expect(jsonDepthExceeds('['.repeat(100_000), 32)).toBe(true);
  });

  it('finds prototype keys at any depth, by path', () => {
    const body = JSON.parse('{"__proto__":{"x":1},"a":[{"constructor":{"prototype":2}}],"ok":{"b":1}}');
    expect(prototypeKeys(body).map((e) => e.field)).toEqual([
      '__proto__',
      'a.0.constructor',
      'a.0.constructor.prototype',
    ]);
    expect(prototypeKeys({ name: 'constructor', list: ['prototype'] })).toEqual([]);
    expect(prototypeKeys(undefined)).toEqual([]);
  });
});
