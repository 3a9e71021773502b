import { describe, expect, it } from 'vitest';
import { monthEnd, monthStart, splitByMonth } from './analytics.days.ts';

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
