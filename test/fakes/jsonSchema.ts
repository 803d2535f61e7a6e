/** A small JSON-schema checker for the fake servers: type, required, properties, items, enum, pattern, minimum. */

export interface Schema {
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: readonly (string | number | boolean)[];
  pattern?: string;
  minimum?: number;
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  format?: 'date-time';
}

export function validate(schema: Schema, value: unknown, path = '$'): string[] {
  const errors: string[] = [];
  const t = schema.type;
  if (t === 'object') {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return [`${path} must be an object`];
    const obj = value as Record<string, unknown>;
    for (const r of schema.required ?? []) if (obj[r] === undefined) errors.push(`${path}.${r} is required`);
    for (const [k, s] of Object.entries(schema.properties ?? {}))
      if (obj[k] !== undefined) errors.push(...validate(s, obj[k], `${path}.${k}`));
    return errors;
  }
  if (t === 'array') {
    if (!Array.isArray(value)) return [`${path} must be an array`];
    if (schema.minItems !== undefined && value.length < schema.minItems)
      errors.push(`${path} needs at least ${schema.minItems} item(s)`);
    value.forEach((v, i) => errors.push(...(schema.items ? validate(schema.items, v, `${path}[${i}]`) : [])));
    return errors;
  }
  if (t === 'string') {
    if (typeof value !== 'string') return [`${path} must be a string`];
    if (schema.minLength !== undefined && value.length < schema.minLength)
      errors.push(`${path} is too short`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength) errors.push(`${path} is too long`);
    if (schema.pattern && !new RegExp(schema.pattern).test(value))
      errors.push(`${path} does not match ${schema.pattern}`);
    if (schema.format === 'date-time' && Number.isNaN(Date.parse(value)))
      errors.push(`${path} is not a date-time`);
  } else if (t === 'number' || t === 'integer') {
    if (typeof value !== 'number' || (t === 'integer' && !Number.isInteger(value)))
      return [`${path} must be ${t === 'integer' ? 'an integer' : 'a number'}`];
    if (schema.minimum !== undefined && value < schema.minimum)
      errors.push(`${path} must be at least ${schema.minimum}`);
  } else if (t === 'boolean' && typeof value !== 'boolean') return [`${path} must be a boolean`];
  if (schema.enum && !schema.enum.includes(value as string))
    errors.push(`${path} must be one of ${schema.enum.join(', ')}`);
  return errors;
}
