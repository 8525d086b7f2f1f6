// /data/commitments.csv, written by csv-stringify (RFC 4180: fields with a comma, quote or line
// break quoted, quotes doubled, CRLF between rows). A spreadsheet runs a cell that starts with
// "=", "+", "-", "@", a tab or a carriage return as a formula, so such a cell is neutralised with a
// leading apostrophe (OWASP's advice for CSV injection): titles and summaries are ours, but the
// file is opened by people who trust it.
import { stringify } from 'csv-stringify/sync';
import type { CommitmentExport } from '../lib/schema/export.ts';
import { CSV_COLUMNS, commitmentRows } from './exports.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as it is written: unchanged unless a spreadsheet would read it as a formula. */
export const neutralise = (cell: string): string => (FORMULA_START.test(cell) ? `'${cell}` : cell);

export function toCsv(rows: readonly (readonly string[])[]): string {
  return stringify(
    rows.map((row) => row.map(neutralise)),
    // Leading or trailing spaces are quoted too, so that no reader trims them away.
    { record_delimiter: 'windows', quoted_match: /^\s|\s$/ },
  );
}

/** commitments.csv: the header, then one row per commitment, from the same records as commitments.json. */
export const commitmentsCsv = (records: readonly CommitmentExport[]): string => toCsv([[...CSV_COLUMNS], ...commitmentRows(records)]);
