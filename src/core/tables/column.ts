/** Column specs: a header name, its type, who owns it, and how it is validated. */

export type ColumnType = 'text' | 'int' | 'decimal' | 'money' | 'datetime' | 'date' | 'bool' | 'enum';

/**
 * Who writes a column. `amazon`: filled from Amazon's reports and updated by re-imports. `shipsheet`: written
 * by a workflow step. `seller`: typed by the seller; Shipsheet reads it and never overwrites it.
 */
export type ColumnOwner = 'amazon' | 'shipsheet' | 'seller';

export interface ColumnSpec<N extends string = string, T extends ColumnType = ColumnType> {
  readonly name: N;
  readonly type: T;
  readonly owner: ColumnOwner;
  readonly description: string;
  /** A row without a value here is rejected. */
  readonly required?: boolean;
  /** Other headers that mean this column (normalised before comparison). */
  readonly aliases?: readonly string[];
  /** Allowed values of an enum column (compared case-insensitively, written as listed). */
  readonly values?: readonly string[];
  /** Money: the column in the same row that holds the currency code (default: none, i.e. 2 decimals). */
  readonly currencyColumn?: string;
  /** Numbers: the smallest allowed value. */
  readonly min?: number;
  /** Text written to the sheet as text (ids, SKUs, postal codes), so a spreadsheet never turns it into a number. */
  readonly keepAsText?: boolean;
  /** A display width hint, in characters, for templates and exports. */
  readonly width?: number;
}

type Options = Omit<ColumnSpec, 'name' | 'type'>;

function make<N extends string, T extends ColumnType, O extends Options>(name: N, type: T, options: O) {
  return { name, type, ...options } as const;
}

export const text = <N extends string, O extends Options>(name: N, options: O) => make(name, 'text', options);
/** Text that must stay text: ids, SKUs, postal codes, tracking numbers. */
export const id = <N extends string, O extends Options>(name: N, options: O) =>
  make(name, 'text', { ...options, keepAsText: true as const });
export const int = <N extends string, O extends Options>(name: N, options: O) => make(name, 'int', options);
export const decimal = <N extends string, O extends Options>(name: N, options: O) =>
  make(name, 'decimal', options);
export const money = <N extends string, O extends Options>(name: N, options: O) =>
  make(name, 'money', options);
export const datetime = <N extends string, O extends Options>(name: N, options: O) =>
  make(name, 'datetime', options);
export const date = <N extends string, O extends Options>(name: N, options: O) => make(name, 'date', options);
export const bool = <N extends string, O extends Options>(name: N, options: O) => make(name, 'bool', options);
export const oneOf = <N extends string, const V extends readonly string[], O extends Options>(
  name: N,
  values: V,
  options: O,
) => make(name, 'enum', { ...options, values });

/** The TypeScript value a column of a type decodes to. Money is integer minor units. */
export type ValueOfType<T extends ColumnType> = T extends 'int' | 'decimal' | 'money'
  ? number
  : T extends 'bool'
    ? boolean
    : string;

type ValueOfColumn<C> = C extends { type: 'enum'; values: readonly (infer V)[] }
  ? V
  : C extends { type: infer T extends ColumnType }
    ? ValueOfType<T>
    : never;

/** A record of a table: one property per column, named by its header; optional columns may be null. */
export type RowOf<Cs extends readonly ColumnSpec[]> = {
  [C in Cs[number] as C['name']]: C extends { required: true } ? ValueOfColumn<C> : ValueOfColumn<C> | null;
};

/** The value of any column, as records hold it. */
export type FieldValue = string | number | boolean | null;
