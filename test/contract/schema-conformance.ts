import type { OpenApiDocument, OpenApiSchema } from './openapi-document.js';

interface Schema extends OpenApiSchema {
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  nullable?: boolean;
  format?: string;
  additionalProperties?: boolean | Schema;
}

/**
 * A small, strict check of a JSON value against an OpenAPI 3.0 schema of the kind @nestjs/swagger
 * writes: required fields present, no field the schema does not declare, types, enums, nullability.
 * Answers the violations (empty when the value conforms).
 */
export function violations(document: OpenApiDocument, schema: Schema, value: unknown, at = '$'): string[] {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = document.components?.schemas?.[name] as Schema | undefined;
    return target ? violations(document, target, value, at) : [`${at}: unresolvable ${schema.$ref}`];
  }
  if (value === null) return schema.nullable ? [] : [`${at}: null is not allowed`];
  if (schema.oneOf) {
    const matching = schema.oneOf.filter((s) => violations(document, s, value, at).length === 0);
    return matching.length === 1
      ? []
      : [`${at}: matches ${matching.length} of the oneOf alternatives (${JSON.stringify(value)})`];
  }
  if (schema.allOf) return schema.allOf.flatMap((s) => violations(document, s, value, at));
  if (schema.enum && !schema.enum.includes(value))
    return [`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`];
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') return [`${at}: expected a string, got ${JSON.stringify(value)}`];
      return schema.format === 'date-time' && Number.isNaN(Date.parse(value))
        ? [`${at}: not a date-time: ${value}`]
        : [];
    case 'integer':
      return Number.isInteger(value) ? [] : [`${at}: expected an integer, got ${JSON.stringify(value)}`];
    case 'number':
      return typeof value === 'number' ? [] : [`${at}: expected a number, got ${JSON.stringify(value)}`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: expected a boolean, got ${JSON.stringify(value)}`];
    case 'array':
      if (!Array.isArray(value)) return [`${at}: expected an array`];
      return schema.items ? value.flatMap((item, i) => violations(document, schema.items!, item, `${at}[${i}]`)) : [];
    case 'object':
    case undefined: {
      if (schema.type === undefined && !schema.properties) return [];
      if (typeof value !== 'object' || Array.isArray(value))
        return [`${at}: expected an object, got ${JSON.stringify(value)}`];
      const record = value as Record<string, unknown>;
      const declared = schema.properties ?? {};
      const missing = (schema.required ?? [])
        .filter((key) => !(key in record))
        .map((key) => `${at}.${key}: required but absent`);
      const undeclared =
        schema.additionalProperties || !schema.properties
          ? []
          : Object.keys(record)
              .filter((key) => !(key in declared))
              .map((key) => `${at}.${key}: answered but not in the schema`);
      const nested = Object.entries(declared).flatMap(([key, s]) =>
        key in record ? violations(document, s, record[key], `${at}.${key}`) : [],
      );
      return [...missing, ...undeclared, ...nested];
    }
    default:
      return [];
  }
}
