/**
 * Conditions as sellers write them in Rules and Surcharges — `weight-oz <= 15`, `ship-country != US`,
 * `sku starts HAZ`, `order value > 200 and is-prime = true` — parsed once into a test function.
 */
import type { FieldDef, PackageFacts, QuoteFacts } from './facts';
import { FIELDS, fieldByName } from './facts';

export type Condition = (p: PackageFacts, q: QuoteFacts | null) => boolean;

export type ParsedCondition =
  | {
      ok: true;
      test: Condition;
      perService: boolean;
      /** The fields the test reads (the only facts it can see), so a caller may memoise on their values. */
      fields: readonly FieldDef[];
    }
  | { ok: false; message: string };

export interface ConditionOptions {
  /** Allow fields that need a quoted service (zone, billable weight). */
  readonly perService?: boolean;
}

const SYMBOL_OPS = ['<=', '>=', '!=', '<>', '==', '=', '<', '>'] as const;
const WORD_OPS = [
  'not in',
  'starts with',
  'ends with',
  'starts',
  'ends',
  'contains',
  'in',
  'is not',
  'is',
] as const;
const ALWAYS = new Set(['', '*', 'always', 'any', 'all']);

/**
 * `parseCondition('weight-oz <= 15')` → `{ ok: true, test }`. Clauses join with `and`; `always` (or blank)
 * matches everything. Errors name the clause and what was expected.
 */
export function parseCondition(text: string, options: ConditionOptions = {}): ParsedCondition {
  const trimmed = text.trim();
  if (ALWAYS.has(trimmed.toLowerCase())) return { ok: true, test: () => true, perService: false, fields: [] };
  const clauses = trimmed.split(/\s+and\b\s*/i);
  const tests: Condition[] = [];
  const fields: FieldDef[] = [];
  let perService = false;
  for (const clause of clauses) {
    const c = parseClause(clause.trim(), options);
    if (!c.ok) return c;
    tests.push(c.test);
    for (const f of c.fields) if (!fields.includes(f)) fields.push(f);
    perService ||= c.perService;
  }
  const test: Condition = tests.length === 1 ? tests[0] : (p, q) => tests.every((t) => t(p, q));
  return { ok: true, test, perService, fields };
}

function splitClause(clause: string): { field: string; op: string; value: string } | null {
  for (const op of SYMBOL_OPS) {
    const i = clause.indexOf(op);
    if (i > 0) return { field: clause.slice(0, i).trim(), op, value: clause.slice(i + op.length).trim() };
  }
  const lower = clause.toLowerCase();
  for (const op of WORD_OPS) {
    const m = new RegExp(`\\s${op.replace(' ', '\\s+')}\\s`).exec(lower);
    if (m && m.index > 0)
      return {
        field: clause.slice(0, m.index).trim(),
        op,
        value: clause.slice(m.index + m[0].length).trim(),
      };
  }
  return null;
}

function unquote(v: string): string {
  return /^(["']).*\1$/.test(v) ? v.slice(1, -1) : v;
}

function parseClause(clause: string, options: ConditionOptions): ParsedCondition {
  if (clause === '') return { ok: false, message: 'an "and" has nothing after it' };
  const parts = splitClause(clause);
  if (!parts)
    return {
      ok: false,
      message: `"${clause}" has no comparison: write FIELD OP VALUE, e.g. weight-oz <= 15 (OP is = != < <= > >= starts ends contains in)`,
    };
  const field = fieldByName(parts.field);
  if (!field)
    return {
      ok: false,
      message: `unknown field "${parts.field}" in "${clause}"; known fields: ${FIELDS.filter(
        (f) => options.perService || !f.perService,
      )
        .map((f) => f.name)
        .join(', ')}`,
    };
  if (field.perService && !options.perService)
    return {
      ok: false,
      message: `"${field.name}" depends on the service quoted, so it can be used in Surcharges but not in Rules`,
    };
  if (parts.value === '') return { ok: false, message: `"${clause}" has no value after ${parts.op}` };
  const op = normalizeOp(parts.op);
  const made = makeTest(field, op, unquote(parts.value), clause);
  if (typeof made === 'string') return { ok: false, message: made };
  return { ok: true, test: made, perService: field.perService === true, fields: [field] };
}

type Op = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'starts' | 'ends' | 'contains' | 'in' | 'not in';

function normalizeOp(op: string): Op {
  switch (op) {
    case '==':
    case 'is':
      return '=';
    case '<>':
    case 'is not':
      return '!=';
    case 'starts with':
      return 'starts';
    case 'ends with':
      return 'ends';
    default:
      return op as Op;
  }
}

function parseNumber(v: string): number | null {
  const t = v
    .replace(/^[$€£¥]/, '')
    .replace(/,/g, '')
    .trim();
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : null;
}

function compareNumbers(op: Op, a: number, b: number): boolean {
  switch (op) {
    case '=':
      return Math.abs(a - b) < 1e-9;
    case '!=':
      return Math.abs(a - b) >= 1e-9;
    case '<':
      return a < b - 1e-9;
    case '<=':
      return a <= b + 1e-9;
    case '>':
      return a > b + 1e-9;
    case '>=':
      return a >= b - 1e-9;
    default:
      return false;
  }
}

function textTest(op: Op, wanted: string[]): ((s: string) => boolean) | null {
  const w = wanted[0];
  switch (op) {
    case '=':
      return (s) => s === w;
    case '!=':
      return (s) => s !== w;
    case 'starts':
      return (s) => s.startsWith(w);
    case 'ends':
      return (s) => s.endsWith(w);
    case 'contains':
      return (s) => s.includes(w);
    case 'in':
      return (s) => wanted.includes(s);
    case 'not in':
      return (s) => !wanted.includes(s);
    default:
      return null;
  }
}

const NEGATIVE: ReadonlySet<Op> = new Set(['!=', 'not in']);

const uppered = new Map<string, string>();
/**
 * Upper case, memoised for the few values a run repeats (service levels, countries, SKUs): conditions run for
 * every package, and a new string per test was most of their cost. Bounded, so any text still works.
 */
function upper(s: string): string {
  let u = uppered.get(s);
  if (u === undefined) {
    u = s.toUpperCase();
    if (uppered.size < 5000) uppered.set(s, u);
  }
  return u;
}

function makeTest(field: FieldDef, op: Op, value: string, clause: string): Condition | string {
  const get = field.get;
  const values = (op === 'in' || op === 'not in' ? value.split(',') : [value])
    .map((v) => unquote(v.trim()))
    .filter((v) => v !== '');
  switch (field.type) {
    case 'number': {
      const nums = values.map(parseNumber);
      const bad = values.find((_v, i) => nums[i] === null);
      if (bad !== undefined) return `"${clause}": ${field.name} is a number, but "${bad}" is not`;
      if (op === 'in' || op === 'not in') {
        const set = nums as number[];
        const inSet = (n: number) => set.some((s) => Math.abs(s - n) < 1e-9);
        return op === 'in' ? (p, q) => inSet(get(p, q) as number) : (p, q) => !inSet(get(p, q) as number);
      }
      if (!['=', '!=', '<', '<=', '>', '>='].includes(op))
        return `"${clause}": ${field.name} is a number; compare it with = != < <= > >= or in`;
      const b = nums[0] as number;
      return (p, q) => compareNumbers(op, get(p, q) as number, b);
    }
    case 'bool': {
      const w = value.toLowerCase();
      const b = ['true', 'yes', 'y', '1'].includes(w)
        ? true
        : ['false', 'no', 'n', '0'].includes(w)
          ? false
          : null;
      if (b === null) return `"${clause}": ${field.name} is true or false, not "${value}"`;
      if (op !== '=' && op !== '!=') return `"${clause}": compare ${field.name} with = or !=`;
      return op === '=' ? (p, q) => get(p, q) === b : (p, q) => get(p, q) !== b;
    }
    case 'zone': {
      const n = parseNumber(value);
      if (['<', '<=', '>', '>='].includes(op)) {
        if (n === null) return `"${clause}": ${op} needs a zone number, not "${value}"`;
        return (p, q) => {
          const z = parseNumber(String(get(p, q)));
          return z !== null && compareNumbers(op, z, n);
        };
      }
      const t = textTest(
        op,
        values.map((v) => v.toUpperCase()),
      );
      if (!t) return `"${clause}": unsupported operator ${op}`;
      return (p, q) => t(upper(String(get(p, q))));
    }
    case 'text':
    case 'list': {
      if (['<', '<=', '>', '>='].includes(op))
        return `"${clause}": ${field.name} is text; compare it with = != starts ends contains in`;
      const t = textTest(
        op,
        values.map((v) => v.toUpperCase()),
      );
      if (!t) return `"${clause}": unsupported operator ${op}`;
      if (field.type === 'text') return (p, q) => t(upper(String(get(p, q))));
      // A list (the SKUs of a package): a positive test holds when any item matches, a negative one
      // (`sku != X`, `not in`) when every item does, so `sku != HAZ-1` means "no item is HAZ-1".
      const negative = NEGATIVE.has(op);
      return (p, q) => {
        const list = get(p, q) as readonly string[];
        if (negative) {
          for (const s of list) if (!t(upper(s))) return false;
          return true;
        }
        for (const s of list) if (t(upper(s))) return true;
        return false;
      };
    }
  }
}
