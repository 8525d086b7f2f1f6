// Reading CSV in tests with Papa Parse: a parser independent of the csv-stringify that writes it.
import Papa from 'papaparse';

export function parseCsv(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text, { header: false, delimiter: ',', newline: '\r\n', skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`CSV does not parse: ${parsed.errors.map((e) => `row ${e.row}: ${e.message}`).join('; ')}`);
  return parsed.data;
}
