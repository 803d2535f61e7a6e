/**
 * Formula-injection guard for exported text cells: a text that Excel or another spreadsheet would run as a
 * formula gets a leading apostrophe. The rule is reversible (`restoreText`), so export then import keeps
 * every value exactly, and an apostrophe a seller typed survives too.
 */

/** First characters a spreadsheet may treat as the start of a formula or a DDE call (OWASP's list), plus `'`. */
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', "'"]);

/** `=HYPERLINK(…)` → `'=HYPERLINK(…)`; `'quoted` → `''quoted` (so the import can tell them apart). */
export function neutralizeText(text: string): string {
  return text.length > 0 && TRIGGERS.has(text[0]) ? `'${text}` : text;
}

/** Undo `neutralizeText`: one leading apostrophe is dropped only when a trigger character follows it. */
export function restoreText(text: string): string {
  return text.length > 1 && text[0] === "'" && TRIGGERS.has(text[1]) ? text.slice(1) : text;
}

/** True when a text would be read as a formula if it were not neutralised. */
export function looksLikeFormula(text: string): boolean {
  return text.length > 0 && TRIGGERS.has(text[0]) && text[0] !== "'";
}
