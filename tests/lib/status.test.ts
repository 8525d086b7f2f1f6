// The status rules: which values need evidence, and a summary that tells nothing after its asOf.
import { describe, expect, it } from 'vitest';
import { datesNamedIn, isAfter, Status } from '../../src/lib/schema/commitment.ts';
import { STATUS_VALUES } from '../../src/lib/schema/statuses.ts';

const evidence = [{ citation: 'DfE, announcement, 1 May 2024' }];
const messages = (value: unknown) => {
  const parsed = Status.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('datesNamedIn', () => {
  it.each([
    ['Royal Assent on 29 April 2026.', ['2026-04-29']],
    ['Launched in April 2026 and reviewed in june 2027.', ['2026-04', '2027-06']],
    ['Regulations in force from 2025-10-01.', ['2025-10-01']],
    ['Due by 2027, funded for 2025-26.', []],
    ['Six of the 20 pilots reported.', []],
  ])('reads the dates named in %j', (text, dates) => {
    expect(datesNamedIn(text)).toEqual(dates);
  });
});

describe('isAfter', () => {
  it.each([
    ['2026-04-29', '2026-03', true],
    ['2026-04', '2026-04-30', false],
    ['2026-04', '2026-04', false],
    ['2025-12-31', '2026', false],
    ['2027-01', '2026', true],
  ])('%s after %s is %s', (date, asOf, after) => {
    expect(isAfter(date, asOf)).toBe(after);
  });
});

describe('Status', () => {
  it('accepts not-known with no evidence', () => {
    expect(messages({ value: 'not-known', asOf: '2026-11', checked: '2026-12-01', summary: 'No later government statement found on the trial.' })).toEqual([]);
  });

  it.each(STATUS_VALUES.filter((value) => value !== 'not-known'))('refuses %s with no evidence', (value) => {
    expect(messages({ value, asOf: '2024-05', checked: '2026-12-01', summary: 'Done.' })).toEqual([
      `evidence: is empty; a status of "${value}" needs at least one evidence citation (only "not-known" may have none)`,
    ]);
  });

  it('refuses a summary that tells events after its asOf, naming them', () => {
    expect(
      messages({ value: 'in-progress', asOf: '2025-03', checked: '2026-12-01', summary: 'The Bill passed; Royal Assent on 29 April 2026.', evidence }),
    ).toEqual([
      'summary: names 2026-04-29, later than asOf "2025-03"; expected a summary of what happened up to asOf (move asOf forward, or leave the later events out)',
    ]);
  });

  it('accepts a summary whose dates fall within its asOf month', () => {
    expect(messages({ value: 'delivered', asOf: '2026-04', checked: '2026-12-01', summary: 'Royal Assent on 29 April 2026.', evidence })).toEqual([]);
  });
});
