import { JsonTooDeepError, jsonDepthExceeds, parseJsonBody, prototypeKeys } from './json-limits.js';

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

  it('parses JSON bodies as body-parser does on Express: empty is {}, objects and arrays only, UTF-* only', () => {
    const parse = (text: string, type = 'application/json') => parseJsonBody(Buffer.from(text), type, 4);
    expect(parse('')).toEqual({});
    expect(parse(' {"a":[1]}')).toEqual({ a: [1] });
    expect(parse('[1]', 'application/json; charset=UTF-8')).toEqual([1]);
    expect(() => parse('"a"')).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => parse('{"a":')).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => parse('{}', 'application/json; charset=latin1')).toThrow(expect.objectContaining({ status: 415 }));
    expect(() => parse('[[[[[]]]]]')).toThrow(JsonTooDeepError);
    const utf16 = Buffer.from('{"a":"é"}', 'utf16le');
    expect(parseJsonBody(utf16, 'application/json; charset=utf-16le', 4)).toEqual({ a: 'é' });
  });
});
