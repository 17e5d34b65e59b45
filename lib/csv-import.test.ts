import { describe, expect, it } from 'vitest';
import { mapHeader, normaliseDate, normaliseHeader, normaliseNumber, readImportRecord, sniffDelimiter } from './csv-import';

describe('reading the columns of an officer’s CSV', () => {
  it('accepts our headings in any case and order, with a BOM, and the usual other names', () => {
    expect(normaliseHeader('\uFEFFProgramme')).toBe('programme');
    expect(normaliseHeader(' Period End ')).toBe('period_end');
    expect(normaliseHeader('period-start')).toBe('period_start');
    expect(normaliseHeader('Notes')).toBe('note');
    expect(normaliseHeader('Favourite colour')).toBeNull();
    const header = mapHeader(['Value', 'METRIC', 'Programme', 'qualifier', 'Basis', 'Period end', 'Colour']);
    expect(header.missing).toEqual([]);
    expect(header.ignored).toEqual(['Colour']);
    expect(mapHeader(['programme', 'value']).missing).toEqual(['metric', 'qualifier', 'basis', 'period_end']);
  });

  it('finds the separator from the header line', () => {
    expect(sniffDelimiter('programme,metric,value')).toBe(',');
    expect(sniffDelimiter('programme;metric;value;note')).toBe(';');
    expect(sniffDelimiter('programme\tmetric\tvalue')).toBe('\t');
  });
});

describe('reading values as people type them', () => {
  it('strips £ and thousands separators, and reads decimal commas in ; files', () => {
    expect(normaliseNumber('£14,000', false)).toBe('14000');
    expect(normaliseNumber('1,153', false)).toBe('1153');
    expect(normaliseNumber('1 153', false)).toBe('1153');
    expect(normaliseNumber('2.5', false)).toBe('2.5');
    expect(normaliseNumber('14.000,5', true)).toBe('14000.5');
    expect(normaliseNumber('2,5', true)).toBe('2.5');
    expect(normaliseNumber('£1.200', true)).toBe('1200');
    // Not a number: left as written so the message can quote the mistake.
    expect(normaliseNumber('lots', false)).toBe('lots');
    expect(normaliseNumber('1,15', false)).toBe('1,15');
  });

  it('reads UK day-first dates and ISO dates, and refuses impossible ones', () => {
    expect(normaliseDate('31/03/2021')).toBe('2021-03-31');
    expect(normaliseDate('1/4/2020')).toBe('2020-04-01');
    expect(normaliseDate('2021-03-31')).toBe('2021-03-31');
    expect(normaliseDate('31.03.2021')).toBe('2021-03-31');
    expect(normaliseDate('31/02/2021')).toBe('31/02/2021');
    expect(normaliseDate('March 2021')).toBe('March 2021');
  });
});

describe('one record', () => {
  const header = mapHeader(['programme', 'metric', 'value', 'qualifier', 'basis', 'period_start', 'period_end', 'note']);
  const read = (cells: string[], decimalComma = false) => readImportRecord(cells, header, 7, decimalComma);

  it('turns labels into codes and fills defaults', () => {
    const r = read(['Peer Support', 'Attendees', '£1,200', 'At least', 'running total', '', '31/03/2021', '']);
    expect(r).toEqual({
      ok: true,
      value: expect.objectContaining({ value: 1200, qualifier: 'at_least', basis: 'cumulative', period_start: null, period_end: '2021-03-31', date_precision: 'day', note: null, observation_id: null, source_file: null }),
    });
    expect(read(['P', 'M', '5', 'approximately', 'planned', '', '2021-03-31', ''])).toMatchObject({ ok: true, value: { qualifier: 'approx', basis: 'planned' } });
    expect(read(['P', 'M', '5', '', 'period', '', '2021-03-31', ''])).toMatchObject({ ok: true, value: { qualifier: 'exact' } });
  });

  it('says which column is wrong, with the row number, in plain words', () => {
    const r = read(['', 'Attendees', 'lots', 'roughly', 'yearly', '2021-04-01', '2021-03-31', '']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { row: 7, column: 'programme', message: 'Programme is required' },
      { row: 7, column: 'value', message: 'Value must be a number such as 1153 or £14,000 (put “over” in the qualifier column)' },
      { row: 7, column: 'qualifier', message: 'Qualifier must be one of exact, at least, at most, approximately, or range (with an upper value)' },
      { row: 7, column: 'basis', message: 'Basis must be one of period, running total (cumulative), planned' },
    ]);
    const reversed = read(['P', 'M', '5', 'exact', 'period', '2021-04-01', '2021-03-31', '']);
    expect(reversed).toMatchObject({ ok: false, problems: [{ column: 'period_end', message: 'Period end must be on or after period start' }] });
    const badDate = read(['P', 'M', '5', 'exact', 'period', '', '31/02/2021', '']);
    expect(badDate).toMatchObject({ ok: false, problems: [{ column: 'period_end', message: 'Period end must be a date such as 31/03/2021 or 2021-03-31' }] });
  });
});
