import { describe, expect, it } from 'vitest';
import { addDays, eachDay, monthEnd, monthStart, splitByMonth } from './analytics.days.ts';

// Ranges as the monthly rollups answer them: whole months, and the days around them.
describe('a range split by month', () => {
  it('reads whole months from the monthly rollups and the partial months day by day', () => {
    expect(splitByMonth({ from: '2025-11-30', to: '2026-11-30' })).toEqual({
      months: { from: '2025-12-01', to: '2026-11-01' },
      days: [{ from: '2025-11-30', to: '2025-11-30' }],
    });
    expect(splitByMonth({ from: '2025-03-05', to: '2026-03-04' })).toEqual({
      months: { from: '2025-04-01', to: '2026-02-01' },
      days: [
        { from: '2025-03-05', to: '2025-03-31' },
        { from: '2026-03-01', to: '2026-03-04' },
      ],
    });
  });

  it('takes a range of whole months without days, and a range inside a month as days', () => {
    expect(splitByMonth({ from: '2024-02-01', to: '2024-02-29' })).toEqual({
      months: { from: '2024-02-01', to: '2024-02-01' },
      days: [],
    });
    expect(splitByMonth({ from: '2026-11-01', to: '2026-11-30' }).days).toEqual([]);
    expect(splitByMonth({ from: '2026-11-02', to: '2026-11-30' })).toEqual({
      months: null,
      days: [{ from: '2026-11-02', to: '2026-11-30' }],
    });
    expect(splitByMonth({ from: '2026-10-15', to: '2026-11-14' })).toEqual({
      months: null,
      days: [{ from: '2026-10-15', to: '2026-11-14' }],
    });
  });

  it('knows where months start and end, leap years included', () => {
    expect([monthStart('2024-02-17'), monthEnd('2024-02-17'), monthEnd('2025-02-01')]).toEqual([
      '2024-02-01',
      '2024-02-29',
      '2025-02-28',
    ]);
    expect(monthEnd('2025-12-31')).toBe('2025-12-31');
  });
});

describe('every day of a range', () => {
  it('counts through month ends, a leap day and a new year', () => {
    expect(eachDay('2024-02-27', '2024-03-02')).toEqual([
      '2024-02-27',
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
      '2024-03-02',
    ]);
    expect(eachDay('2025-12-30', '2026-01-02')).toEqual([
      '2025-12-30',
      '2025-12-31',
      '2026-01-01',
      '2026-01-02',
    ]);
    expect(eachDay('2026-05-01', '2026-05-01')).toEqual(['2026-05-01']);
    expect(eachDay('2026-05-02', '2026-05-01')).toEqual([]);
  });

  it('gives the same days as adding days one by one over a year', () => {
    const days = eachDay('2025-11-30', '2026-11-30');
    expect(days).toHaveLength(366);
    expect(days).toEqual(Array.from({ length: 366 }, (_, i) => addDays('2025-11-30', i)));
  });
});
