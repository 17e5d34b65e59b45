import { describe, expect, it } from 'vitest';
import { checkRowReference, mapHeader, normaliseDate, normaliseHeader, normaliseNumber, readImportRecord, sniffDelimiter, type ImportReference, type ImportRow } from './csv-import';

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

describe('a row against the dashboard', () => {
  const header = mapHeader(['board', 'programme', 'metric', 'unit', 'value', 'qualifier', 'basis', 'period_end', 'source_file', 'evidence']);
  const row = (cells: Partial<Record<'board' | 'programme' | 'metric' | 'unit' | 'value' | 'source_file', string>>): ImportRow => {
    const c = { board: '', programme: 'Peer support', metric: 'Attendees', unit: '', value: '12', source_file: '', ...cells };
    const r = readImportRecord([c.board, c.programme, c.metric, c.unit, c.value, 'exact', 'period', '2021-03-31', c.source_file, c.source_file ? '12 people came' : ''], header, 2, false);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return r.value;
  };
  const ref: ImportReference = {
    programmes: new Map([['peer support', { id: 3, name: 'Peer support', board: 'Improvement and Innovation Board', boardSlug: 'iib' }]]),
    metrics: new Map([
      ['attendees', { id: 5, name: 'Attendees', unit: 'count' }],
      ['satisfaction', { id: 6, name: 'Satisfaction', unit: 'percent' }],
    ]),
    sources: new Map([['report.txt', { id: 9 }]]),
  };

  it('finds the programme, metric and source by name, any case', () => {
    expect(checkRowReference(row({ programme: 'PEER SUPPORT', source_file: 'Report.txt', board: 'iib' }), ref)).toEqual({
      ok: true,
      programme: ref.programmes.get('peer support'),
      metric: ref.metrics.get('attendees'),
      sourceId: 9,
    });
    expect(checkRowReference(row({}), ref)).toMatchObject({ ok: true, sourceId: null });
  });

  it('names the column of the first thing that is not the dashboard’s', () => {
    expect(checkRowReference(row({ programme: 'Peer suport' }), ref)).toMatchObject({ ok: false, column: 'programme' });
    expect(checkRowReference(row({ board: 'Children and Young People Board' }), ref)).toMatchObject({ ok: false, column: 'board' });
    expect(checkRowReference(row({ metric: 'Atendees' }), ref)).toMatchObject({ ok: false, column: 'metric' });
    expect(checkRowReference(row({ unit: 'hours' }), ref)).toMatchObject({ ok: false, column: 'unit', message: 'Metric “Attendees” is measured in count, not hours' });
    expect(checkRowReference(row({ metric: 'satisfaction', value: '120' }), ref)).toMatchObject({ ok: false, column: 'value' });
    expect(checkRowReference(row({ source_file: 'other.pdf' }), ref)).toMatchObject({ ok: false, column: 'source_file' });
  });
});

describe('numbers no figure can be', () => {
  const header = mapHeader(['programme', 'metric', 'value', 'upper', 'qualifier', 'basis', 'period_end']);
  it('refuses a value too large to store exactly (400 nines once became infinity), and keeps 15 digits', () => {
    const r = readImportRecord(['P', 'M', '9'.repeat(400), '', 'exact', 'period', '2021-03-31'], header, 2, false);
    expect(r).toMatchObject({ ok: false, problems: [{ column: 'value', message: expect.stringContaining('too large') }] });
    expect(readImportRecord(['P', 'M', '1', '9'.repeat(16), 'exact', 'period', '2021-03-31'], header, 2, false)).toMatchObject({ ok: false, problems: [{ column: 'upper' }] });
    expect(readImportRecord(['P', 'M', '9'.repeat(15), '', 'exact', 'period', '2021-03-31'], header, 2, false)).toMatchObject({ ok: true, value: { value: 999999999999999 } });
  });
});

describe('characters that are not text', () => {
  it('refuses a row with a NUL character anywhere, naming its column', () => {
    const header = mapHeader(['programme', 'metric', 'value', 'qualifier', 'basis', 'period_end', 'note']);
    expect(readImportRecord(['P', 'M', '1', 'exact', 'period', '2021-03-31', 'a\u0000b'], header, 9, false)).toEqual({
      ok: false,
      problems: [{ row: 9, column: 'note', message: 'This row has a NUL character in it, which is not text: is the file damaged?' }],
    });
  });
});
