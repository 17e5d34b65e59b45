import { describe, expect, it } from 'vitest';
import { extractFigures, newMetricName, type Proposal } from './index';
import { TEST_REFERENCE } from './test-reference';

// An invented board report in the style of the real ones: headings as short lines, numbered
// paragraphs with bold labels, "- " bullets, one paragraph per line.
const REPORT = [
  'Improvement update for the Housing and Planning Board', // 1
  '',
  'Contact officer: Priya Kaur', // 3
  'Phone no: 020 7946 0321', // 4
  '',
  'Background', // 6
  '',
  '1. Members asked for a short update on the improvement offer.', // 8
  '2. To achieve this:', // 9
  ' - 2.1. officers report progress on the main programmes at each meeting', // 10
  '',
  'Housing and Planning Board: Planning Futures Programme (PFP)', // 12
  '',
  '3. **Planning Futures Programme (PFP)** – As of 19 February, 57 councils have joined the programme. Over 1,200 delegates attended our two regional summits between April and June.', // 14
  '4. The programme has published 14 case studies, with a further 6 planned for the spring. **Thirty-four councils** have now completed the self-assessment. A further twelve have started it.', // 15
  '',
  'Tenant Voice Network', // 17
  '',
  '5. Since September, we have held nearly 40 webinars for tenant panels, reaching more than 2,500 participants. There are currently 315 members.', // 19
  '',
  'Partnerships', // 21
  '',
  '6. Through the PFP, 9 councils received peer mentoring this year.', // 23
  '',
  'Safer Streets Board', // 25
  '',
  '7. **Youth Safety Fund** – The Home Office announced £1.6bn for youth services nationally. The fund itself awarded £250,000 to 11 projects in our pilot areas. Sessions for 18-25 year olds ran over 2-3 days in each area.', // 27
  '8. The guide to safer streets has been downloaded 4,310 times and the hub has received 12,400 page views. Around 65 per cent of councils took part in our survey; up to 30 councils will receive bespoke support over the next 4 months.', // 28
  '9. We answered approximately 420 enquiries and at least 75 councils took part in the Safer Streets Academy. In excess of 900 people attended, and fewer than 10 councils are still to join.', // 29
  '10. Conservative (12)\tLabour (9)', // 30
  '11. The review was published in 2019 and covers 2020/21. Almost 300 officers completed the training on 3 March 2020 and 150+ applications were received, with under 20 awaiting a decision.', // 31
  '12. Return to… programmes: At last count, surveying had 41 candidates, with 19 councils engaged; trading standards had 23 candidates and 8 councils engaged.', // 32
].join('\n');

const proposals = extractFigures(REPORT, { reportDate: '2021-03-31', datePrecision: 'month', reference: TEST_REFERENCE });

/** The proposals of a line whose highlighted words are `words`. */
function at(line: number, words: string): Proposal {
  const found = proposals.filter((p) => p.line === line && p.evidence.slice(p.numberStart, p.numberEnd) === words);
  expect(found, `line ${line} "${words}" in ${JSON.stringify(proposals.filter((p) => p.line === line).map((p) => p.evidence.slice(p.numberStart, p.numberEnd)))}`).toHaveLength(1);
  return found[0]!;
}
const ticked = (p: Proposal) => !p.likelyContext;
/** Each number of a text under an "Update" heading: its value, and why it was set apart or 'ticked'. */
function whyIn(text: string, reportDate: string): [number, string | null][] {
  return extractFigures(`Update\n\n${text}`, { reportDate, reference: TEST_REFERENCE }).map((p) => [p.value, p.likelyContext ? p.contextReason : 'ticked']);
}

describe('extractFigures: what the numbers are', () => {
  it('keeps each qualifier with its value', () => {
    expect(at(14, 'Over 1,200')).toMatchObject({ value: 1200, qualifier: 'at_least' });
    expect(at(19, 'more than 2,500')).toMatchObject({ value: 2500, qualifier: 'at_least' });
    expect(at(19, 'nearly 40')).toMatchObject({ value: 40, qualifier: 'approx' });
    expect(at(31, 'Almost 300')).toMatchObject({ value: 300, qualifier: 'approx' });
    expect(at(28, 'up to 30')).toMatchObject({ value: 30, qualifier: 'at_most' });
    expect(at(28, 'Around 65 per cent')).toMatchObject({ value: 65, qualifier: 'approx' });
    expect(at(29, 'approximately 420')).toMatchObject({ value: 420, qualifier: 'approx' });
    expect(at(29, 'at least 75')).toMatchObject({ value: 75, qualifier: 'at_least' });
    expect(at(29, 'In excess of 900')).toMatchObject({ value: 900, qualifier: 'at_least' });
    expect(at(29, 'fewer than 10')).toMatchObject({ value: 10, qualifier: 'at_most' });
    expect(at(31, 'under 20')).toMatchObject({ value: 20, qualifier: 'at_most' });
    expect(at(31, '150+')).toMatchObject({ value: 150, qualifier: 'at_least' });
    expect(at(14, '57')).toMatchObject({ value: 57, qualifier: 'exact' });
  });

  it('reads a part of the whole a sentence opens with: "Of the 33 measures, 32 were achieved"', () => {
    const found = extractFigures('Of the 60 councils we supported, 52 (87%) completed the programme. Of the 33 measures, 32 (97 per cent) were achieved.', { reportDate: '2024-03-31', reference: TEST_REFERENCE, rulesOnly: true });
    expect(found.map((p) => [p.value, p.counted, p.likelyContext])).toEqual([
      [60, 'councils', false],
      [52, 'councils', false],
      [87, 'per cent', false],
      [33, 'measures', false],
      [32, 'measures', false],
      [97, 'per cent', false],
    ]);
  });

  it('loses no number after a year ("from 3,000 in July 2021 to 4,800", "2000-3000 people") or run into its noun', () => {
    const read = (text: string) => extractFigures(text, { reportDate: '2024-06-30', reference: TEST_REFERENCE }).map((p) => [p.value, p.upper]);
    expect(read('Swimming memberships grew from 3,000 in July 2021 to 4,800.')).toEqual([
      [3000, null],
      [4800, null],
    ]);
    expect(read('Between 2000 and 3000 people attended the festival.')).toEqual([[2000, 3000]]);
    expect(read('2000-3000 people attended the festival.')).toEqual([[2000, 3000]]);
    // (Nor a count run into its noun, a slip for a space.)
    expect(read('The programme recorded over 7,906participants.')).toEqual([[7906, null]]);
  });

  it('reads "c.150" as circa 150, not a footnote mark after "c."', () => {
    const found = extractFigures('Since April, c.150 councils have downloaded the toolkit, as the table shows.3', { reportDate: '2023-10-31', reference: TEST_REFERENCE });
    expect(found.map((p) => [p.value, p.qualifier])).toEqual([[150, 'approx']]);
  });

  it('reads number words, £, per cent and thousands separators', () => {
    expect(at(15, 'Thirty-four')).toMatchObject({ value: 34, unit: 'count', likelyContext: false });
    expect(at(15, 'twelve')).toMatchObject({ value: 12, likelyContext: false });
    expect(at(14, 'two')).toMatchObject({ value: 2, likelyContext: false, counted: 'regional summits' });
    expect(at(27, '£250,000')).toMatchObject({ value: 250000, unit: 'GBP', likelyContext: false, metric: 'Money awarded' });
    expect(at(28, 'Around 65 per cent')).toMatchObject({ unit: 'percent', metric: 'Percentage', likelyContext: false });
    expect(at(28, '4,310')).toMatchObject({ value: 4310 });
    expect(at(28, '12,400')).toMatchObject({ value: 12400 });
  });

  it('quotes the sentence as evidence, verbatim, with its markup', () => {
    const p = at(15, 'Thirty-four');
    expect(p.evidence).toBe('**Thirty-four councils** have now completed the self-assessment.');
    expect(REPORT.split('\n')[p.line - 1]).toContain(p.evidence);
  });

  it('suggests the metric from what is counted', () => {
    expect(at(14, '57').metric).toBe('Councils supported');
    expect(at(14, 'Over 1,200')).toMatchObject({ metric: 'Attendees', counted: expect.stringContaining('delegates') });
    expect(at(14, 'two').metric).toBe('Events delivered');
    expect(at(15, '14').metric).toBe('Resources published');
    expect(at(15, 'twelve').metric).toBe('Councils supported'); // "A further twelve": the noun before
    expect(at(19, 'nearly 40').metric).toBe('Events delivered');
    expect(at(19, '315').metric).toBe('Members and subscribers');
    expect(at(28, '4,310').metric).toBe('Downloads');
    expect(at(28, '12,400').metric).toBe('Page views');
    expect(at(29, 'approximately 420').metric).toBe('Enquiries handled');
    expect(at(31, 'Almost 300').metric).toBe('People coached or trained');
    expect(at(31, '150+').metric).toBe('Applications');
    expect(at(32, '41').metric).toBe('Candidates');
    const metricOf = (text: string, value: number) => extractFigures(text, { reportDate: '2024-03-31', reference: TEST_REFERENCE }).find((p) => p.value === value)!.metric;
    expect(metricOf('331 young people took part in 21 evidence gathering sessions.', 331)).toBe('Attendees');
    expect(metricOf('970 councillors from 245 councils attended our leadership programmes.', 245)).toBe('Councils supported');
    expect(metricOf('970 councillors from 245 councils attended our leadership programmes.', 970)).toBe('Attendees');
    expect(metricOf('Twenty-one councils have been successful in their applications for the Housing Advisers Programme.', 21)).toBe('Projects funded');
    expect(metricOf('Twelve councils have been chosen by the LGA to explore how technology can help.', 12)).toBe('Projects funded');
    expect(metricOf('Twelve councils have joined the network.', 12)).toBe('Councils supported');
    expect(metricOf('Currently nine out of the eleven boroughs and districts had launched their programme.', 9)).toBe('Councils supported');
  });

  it('returns no metric when the reference lacks it', () => {
    const reference = { ...TEST_REFERENCE, metrics: TEST_REFERENCE.metrics.filter((m) => m.slug !== 'downloads') };
    const [p] = extractFigures('The toolkit has been downloaded 4,310 times.', { reportDate: '2021-03-31', reference });
    expect(p).toMatchObject({ value: 4310, metric: null, likelyContext: false });
  });
});

describe('extractFigures: programme and board', () => {
  it('takes the programme from the paragraph label and its board from the reference', () => {
    expect(at(14, '57')).toMatchObject({ programme: 'Planning Futures Programme', board: 'Housing and Planning Board' });
  });

  it('takes the programme from the heading above', () => {
    expect(at(19, '315')).toMatchObject({ programme: 'Tenant Voice Network', board: 'Housing and Planning Board' });
  });

  it('reads an acronym defined in the text ("Planning Futures Programme (PFP)" … "the PFP")', () => {
    expect(at(23, '9')).toMatchObject({ programme: 'Planning Futures Programme', likelyContext: false });
  });

  it('reads a text whose acronym follows a comma ("Transformation Partnership,(STP)") without failing', () => {
    const text = 'Social prescribing\n\n(To receive a report on behalf of the Lincolnshire Sustainable Transformation Partnership,(STP) which advises the Board.)\n\nThe STP referred 120 residents.';
    expect(extractFigures(text, { reportDate: '2020-12-31', reference: TEST_REFERENCE }).map((p) => p.value)).toEqual([120]);
  });

  it('reads a programme\'s initials only in a text that names it in full ("the YSF")', () => {
    const programmeOf = (text: string) => extractFigures(text, { reportDate: '2024-03-31', reference: TEST_REFERENCE }).find((p) => p.value === 40)?.programme;
    expect(programmeOf('Since it was set up by the YSF in 2012, the fund has helped 40 clubs.')).toBeNull();
    expect(programmeOf('The Youth Safety Fund opened in 2012.\n\nSince it was set up, the YSF has helped 40 clubs.')).toBe('Youth Safety Fund');
  });

  it('takes the programme named in the sentence', () => {
    expect(at(29, 'at least 75').programme).toBe('Safer Streets Academy');
  });

  it('pieces a programme together from a label and a clause ("Return to… programmes: surveying had 41")', () => {
    expect(at(32, '41').programme).toBe('Return to Surveying');
    expect(at(32, '23').programme).toBe('Return to Trading Standards');
  });

  it('falls back to the board a heading names', () => {
    const text = ['Safer Streets Board', '', 'We held 6 workshops for licensing officers.'].join('\n');
    const [p] = extractFigures(text, { reportDate: '2021-03-31', reference: TEST_REFERENCE });
    expect(p).toMatchObject({ value: 6, programme: null, board: 'Safer Streets Board' });
  });
});

describe('extractFigures: basis and period', () => {
  const read = (text: string, reportDate = '2024-05-31') =>
    extractFigures(['Toolkit update', '', 'The toolkit helps councils buy well.', '', text].join('\n'), { reportDate, reference: TEST_REFERENCE }).map((p) => ({
      value: p.value,
      counted: p.counted,
      basis: p.basis,
      periodEnd: p.periodEnd,
      setApart: p.likelyContext,
    }));

  it('reads a total in a text with no period of its own as a running total ("A total of 217 courses")', () => {
    const found = extractFigures('A total of 217 courses were delivered to learners. 98 people trained as tutors.', { reportDate: '2022-05-31', reference: TEST_REFERENCE });
    expect(found.map((p) => [p.value, p.basis])).toEqual([
      [217, 'cumulative'],
      [98, 'period'],
    ]);
  });

  it('reads "since launch in June 2023" as so far, and "expect to train 1,000" as a plan', () => {
    expect(read('Its playbook has been downloaded 2,340 times since launch in June 2023. Next year we expect to train 1,000 staff. Support for over 100 schemes is expected to deliver new homes.').map((p) => [p.value, p.basis, p.periodEnd])).toEqual([
      [2340, 'cumulative', '2024-05-31'],
      [1000, 'planned', '2025-05-31'],
      [100, 'period', '2024-05-31'],
    ]);
  });

  it('dates a report "to 31 March 2024" by its title: the year to that day, running totals at it', () => {
    const found = extractFigures(['Outputs to 31 March 2024', '', 'We supported 146 businesses. So far, 63 volunteering opportunities have been created.'].join('\n'), { reportDate: '2024-06-30', reference: TEST_REFERENCE });
    expect(found.map((p) => [p.value, p.basis, p.periodStart, p.periodEnd])).toEqual([
      [146, 'period', '2023-04-01', '2024-03-31'],
      [63, 'cumulative', null, '2024-03-31'],
    ]);
  });

  it('reads who a service serves, in the present tense, as a running total ("is used by 46 councils")', () => {
    expect(read('The legal service is used by 46 councils. Last year it trained 120 lawyers.').map((p) => [p.value, p.basis])).toEqual([
      [46, 'cumulative'],
      [120, 'period'],
    ]);
  });

  it('dates "up from 9,100 in the same period last year" a year before the figure beside it', () => {
    const read = (text: string) => extractFigures(text, { reportDate: '2024-01-10', reference: TEST_REFERENCE }).map((p) => [p.value, p.periodStart, p.periodEnd]);
    expect(read('The toolkit was viewed 12,600 times between April and December, up from 9,100 in the same period last year.')).toEqual([
      [12600, '2023-04-01', '2023-12-31'],
      [9100, '2022-04-01', '2022-12-31'],
    ]);
  });

  it('reads what follows a range as it reads what follows one number: "A further 10-12 projects will be funded"', () => {
    const read = (text: string) => extractFigures(text, { reportDate: '2023-12-08', reference: TEST_REFERENCE }).map((p) => [p.value, p.upper, p.basis, p.periodEnd]);
    expect(read('A further 10-12 projects will be funded in spring 2024.')).toEqual([[10, 12, 'planned', '2024-05-31']]);
  });

  it('reads "has since been viewed" as so far: the date before it is its subject\'s', () => {
    const read = (text: string) => extractFigures(text, { reportDate: '2023-12-08', reference: TEST_REFERENCE }).map((p) => [p.value, p.basis, p.periodEnd]);
    expect(read('Our November webinar on cyber security has since been viewed 1,230 times.')).toEqual([[1230, 'cumulative', '2023-12-08']]);
    expect(read('The guide, published in May 2023, has since been downloaded 3,100 times.')).toEqual([[3100, 'cumulative', '2023-12-08']]);
    expect(read('In May 2023 we trained 40 officers.')).toEqual([[40, 'period', '2023-05-31']]);
  });

  it('reads a clause after a dash and "and" apart: its plan does not make the number before it planned', () => {
    expect(read('So far 150 homes have been retrofitted - and work is due to start on 400 more later this year.').map((p) => [p.value, p.basis])).toEqual([
      [150, 'cumulative'],
      [400, 'planned'],
    ]);
  });

  it('reads "since it began in 2014" as a running total at the report date, not as 2014', () => {
    expect(read('The academy has now trained over 3,000 leaders since it began in 2014.')).toEqual([
      { value: 3000, counted: 'leaders', basis: 'cumulative', periodEnd: '2024-05-31', setApart: false },
    ]);
    // A span ahead does not date what is done now; "now" dates its number now.
    expect(read('For the latest funding cycle covering the next 12 months, 65 projects have had their contracts renewed.').find((p) => p.value === 65)!.periodEnd).toBe('2024-05-31');
    expect(read('LOTI is a membership organisation, with 27 boroughs now taking part, and external funding totalled £3 million by July 2023.').map((p) => [p.value, p.periodEnd])).toEqual([
      [27, '2024-05-31'],
      [3000000, '2023-07-31'],
    ]);
    // Who launched it, or what was launched, may come between.
    expect(read('Since it was launched by the PCC in 2012, the fund has supported more than 500 local organisations.')).toEqual([
      { value: 500, counted: 'local organisations', basis: 'cumulative', periodEnd: '2024-05-31', setApart: false },
    ]);
    expect(read('Since launching the Youth Diversion Fund in August 2021, the Commissioner has awarded £300,000 to 100 organisations.').map((p) => [p.value, p.basis, p.periodEnd])).toEqual([
      [300000, 'cumulative', '2024-05-31'],
      [100, 'cumulative', '2024-05-31'],
    ]);
    // An event, then when it was: since then, as of the report.
    expect(read('More than 200 families have opened their homes to 385 refugees since the Russian invasion in February.').map((p) => [p.value, p.basis, p.periodEnd])).toEqual([
      [200, 'cumulative', '2024-05-31'],
      [385, 'cumulative', '2024-05-31'],
    ]);
  });

  it('gives a comparison ("compared with 40 last year") what the number before counts, and its own date only', () => {
    expect(read('So far this year, 57 councils have used the toolkit, compared with 40 last year.')).toEqual([
      { value: 57, counted: 'councils', basis: 'cumulative', periodEnd: '2024-05-31', setApart: false },
      { value: 40, counted: 'councils', basis: 'cumulative', periodEnd: '2024-03-31', setApart: false },
    ]);
  });

  it('dates the list under a heading "Highlights from 2023/24" by that year, and "the previous year" a year before', () => {
    const found = extractFigures(['Annual report', '', 'Highlights from 2023/24', '', '- 1,450 councillors completed e-learning modules', '- 38 peer challenges, up from 31 the previous year'].join('\n'), {
      reportDate: '2024-05-31',
      reference: TEST_REFERENCE,
    });
    expect(found.map((p) => [p.value, p.periodEnd])).toEqual([
      [1450, '2024-03-31'],
      [38, '2024-03-31'],
      [31, '2023-03-31'],
    ]);
  });

  it('dates "expanding from 330 in 2023 to over 500 this year" by each value\'s own date, whatever the verb of growth', () => {
    const dated = (text: string) => extractFigures(`News\n\n${text}`, { reportDate: '2024-10-01', reference: TEST_REFERENCE }).filter((p) => p.unit === 'count').map((p) => [p.value, p.periodEnd]);
    const apart = [
      [330, '2023-12-31'],
      [500, '2024-10-01'],
    ];
    expect(dated('Events grew from 330 in 2023 to over 500 this year.')).toEqual(apart);
    expect(dated('Events expanded from 330 in 2023 to over 500 this year.')).toEqual(apart);
    expect(dated('The number of events saw a growth of 52%, expanding from 330 in 2023 to over 500 this year.')).toEqual(apart);
    expect(dated('Visits are growing from 330 in 2023 to over 500 this year.')).toEqual(apart);
  });

  it('dates an earlier value "from 38 per cent in 2022/23" by its own year, and does not carry that year on', () => {
    const found = extractFigures(
      ['Cost of living support', '', 'Summary', '', '1. The fund supported 6,540 households during 2023/24.', '2. Take-up increased to 45 per cent, from 38 per cent in 2022/23.', '3. Over 300 volunteers gave their time.'].join('\n'),
      { reportDate: '2024-06-30', reference: TEST_REFERENCE },
    );
    expect(found.map((p) => [p.value, p.periodEnd])).toEqual([
      [6540, '2024-03-31'],
      [45, '2024-03-31'],
      [38, '2023-03-31'],
      [300, '2024-03-31'],
    ]);
  });

  it('reads a line led by its number, then a dash and what it is ("732 – tasks completed by volunteers")', () => {
    const found = extractFigures(['Community hub', '', '  • 732 – tasks completed by volunteers to support others', '  • 362 hours (or 48 working days) – number of volunteering hours spent to help those in need.'].join('\n'), {
      reportDate: '2021-12-03',
      reference: TEST_REFERENCE,
    });
    expect(found.map((p) => [p.value, p.counted, p.likelyContext])).toEqual([
      [732, 'tasks completed', false],
      [362, 'hours', false],
      [48, 'working days', true],
    ]);
  });

  it('sets apart the items of a list of targets, an award on offer and what did not happen', () => {
    const found = read(['The programme aims to:', '- Deliver 2,200 additional skills', '- Support 14,000 individuals', 'So far, 27 projects have been approved.', 'Grants of £1,000 are once again available to groups. 21,906 residents received a payment; 999 failed to cash the voucher.'].join('\n'));
    expect(found.map((p) => [p.value, p.setApart])).toEqual([
      [2200, true],
      [14000, true],
      [27, false],
      [1000, true],
      [21906, false],
      [999, true],
    ]);
  });

  it('counts each "one" of an enumeration as its first number does, and "14 of the KPIs" as KPIs', () => {
    const found = read('PAS ran three workshops for planners, one for officers and one for councillors in May. All 14 of the KPIs we hold had been met. The target for new skills is 2,200.');
    expect(found.map((p) => [p.value, p.counted, p.setApart])).toEqual([
      [3, 'workshops', false],
      [1, 'workshops', false],
      [1, 'workshops', false],
      [14, 'KPIs', false],
      [2200, '', true],
    ]);
  });

  it("sets apart a meeting's own attendance and votes, what is still awaited, and how much of a budget is spent", () => {
    const found = read(
      [
        'Present: Councillors Smith (Chair), Jones and Patel (3 members). 2 apologies were received.',
        'Members noted that 312 homes had been retrofitted. The budget of £2.4 million was 78% spent. Councillor Jones asked about the 27 properties awaiting works.',
        'RESOLVED: That the report be noted (Vote: 7 for, 1 against, 2 abstentions).',
        'Attendees: 45 councillors attended the briefing.',
      ].join('\n'),
    );
    expect(found.filter((p) => !p.setApart).map((p) => p.value)).toEqual([312, 45]);
  });

  it('sets apart the size of a place and what a rank is out of; a year naming a plan dates nothing', () => {
    const found = read('The council has made good progress against its 2019 plan, delivering 1,200 new homes and 85% of its capital programme. Anytown has a population of 145,000 and is ranked 52nd most deprived of 317 local authorities.');
    expect(found.map((p) => [p.value, p.counted, p.periodEnd, p.setApart])).toEqual([
      [1200, 'new homes', '2024-05-31', false],
      [85, 'per cent', '2024-05-31', false],
      [145000, '', '2024-05-31', true],
      [52, 'nd most deprived', '2024-05-31', true],
      [317, 'local authorities', '2024-05-31', true],
    ]);
  });

  it("ends what a number counts at a later number or a verb after its noun, not at a label's digit", () => {
    const found = read('The programme\'s 150 local areas reported 3,400 data submissions, and 450,000 families achieved successful outcomes. We brought together more than 30 tier 3 authorities. Last year 48 Champions helped the council.');
    expect(found.filter((p) => !p.setApart).map((p) => [p.value, p.counted])).toEqual([
      [150, 'local areas'],
      [3400, 'data submissions'],
      [450000, 'families'],
      [30, 'tier 3 authorities'],
      [48, 'Champions'],
    ]);
    // A word between a plural noun and a determiner is the verb: "27 councils review their constitutions".
    expect(read('We have helped 27 councils review their constitutions.').map((p) => p.counted)).toEqual(['councils']);
  });

  it('sets apart a change written "up 9% on the previous year"', () => {
    const found = read('87,000 families were supported, up 9% on the previous year.');
    expect(found.map((p) => [p.value, p.setApart])).toEqual([
      [87000, false],
      [9, true],
    ]);
  });

  it('reads "up from 2,400 a year earlier" as the count a year before, not a rate', () => {
    expect(read('The online module was completed by around 3,100 practitioners, up from 2,400 a year earlier.', '2023-06-22').map((p) => [p.value, p.setApart, p.counted, p.periodEnd])).toEqual([
      [3100, false, 'practitioners', '2023-06-22'],
      [2400, false, 'practitioners', '2022-06-22'],
    ]);
  });

  it('reads who is in a service now as a running total ("we have 1,364 people in residential care")', () => {
    expect(read('We have 1,364 people in residential or nursing care. Of those, 1,031 are in long term residential care. In May we held 3 events.', '2024-03-31').map((p) => [p.value, p.basis])).toEqual([
      [1364, 'cumulative'],
      [1031, 'cumulative'],
      [3, 'period'],
    ]);
  });

  it('gives the date of an earlier value to that value ("grown from 25 councils in 2021/22 to 71 this year")', () => {
    expect(read('Our finance support has grown from 25 councils in 2021/22 to 71 this year.', '2024-07-15').map((p) => [p.value, p.periodEnd])).toEqual([
      [25, '2022-03-31'],
      [71, '2024-07-15'],
    ]);
    // (So with the change between the verb and "from": "increased by 35% from 3,320 places in 2019 to 4,500".)
    expect(read('The estate has been increased by 35% from around 3,320 places in 2019 to over 4,500 places.', '2024-10-03').filter((p) => !p.setApart).map((p) => [p.value, p.periodEnd])).toEqual([
      [3320, '2019-12-31'],
      [4500, '2024-10-03'],
    ]);
  });

  it('reads "since the last Board meeting in June" as so far, and "the highest attendance to date" as no running total', () => {
    expect(read('Since the last Board meeting in June, the programme has supported a further 6 councils, bringing the total to 31.', '2023-09-12').map((p) => [p.value, p.basis, p.periodEnd])).toEqual([
      [6, 'cumulative', '2023-09-12'],
      [31, 'cumulative', '2023-09-12'],
    ]);
    expect(read('The course took place in July with 27 councillors, the highest attendance to date.', '2023-09-12').map((p) => [p.value, p.basis, p.periodEnd])).toEqual([[27, 'period', '2023-07-31']]);
  });

  it('reads a scheme that "ran from 1 April to 30 September 2022" as the period of what follows', () => {
    const found = extractFigures(['Household Support Fund outturn', '', 'The fund ran from 1 April to 30 September 2022.', '', 'Members were informed that:', '• 18,450 awards had been made to 11,920 households.'].join('\n'), { reportDate: '2022-12-05', reference: TEST_REFERENCE });
    expect(found.map((p) => [p.value, p.periodStart, p.periodEnd])).toEqual([
      [18450, '2022-04-01', '2022-09-30'],
      [11920, '2022-04-01', '2022-09-30'],
    ]);
    // A window between two days is not the text's period.
    expect(read('Projects were selected between 13 October and 24 November 2022. We are awarding £2m to them.', '2023-03-07').map((p) => [p.value, p.periodEnd])).toEqual([[2e6, '2023-03-07']]);
  });

  it('reads a sentence wrapped onto the next line whole, and "are booked for" as a plan', () => {
    const found = extractFigures(['Mid-year report', '', '1.  In the period the LGA delivered 38 peer', '    challenges. A further 17 challenges are', '    booked for the spring.'].join('\n'), { reportDate: '2024-01-18', reference: TEST_REFERENCE });
    expect(found.map((p) => [p.value, p.basis])).toEqual([
      [38, 'period'],
      [17, 'planned'],
    ]);
    const dated = extractFigures(['Update', '', 'The service helped 240 residents into work between', 'April and June 2023.'].join('\n'), { reportDate: '2023-09-30', reference: TEST_REFERENCE });
    expect(dated.map((p) => [p.value, p.periodStart, p.periodEnd])).toEqual([[240, '2023-04-01', '2023-06-30']]);
  });

  it('dates nothing after a part of the period ("in quarter three alone")', () => {
    expect(read('We delivered 9 reviews in quarter three alone. Separately, we trained 40 officers.', '2025-02-28').map((p) => [p.value, p.periodEnd])).toEqual([
      [9, '2024-12-31'],
      [40, '2025-02-28'],
    ]);
  });

  it('reads "since signing up in 2021" as so far, and "rose from 61% to 64%" as two values, not a range', () => {
    expect(read('Since signing up in 2021, the partnership has trained more than 600 frontline staff.', '2023-12-15').map((p) => [p.value, p.basis, p.periodEnd])).toEqual([[600, 'cumulative', '2023-12-15']]);
    // (Two values, as the rules read them; whether the earlier one is kept is the reader's call, judged on the corpus.)
    const rose = extractFigures('The proportion of children with a healthy weight rose from 61% to 64% over two years.', { reportDate: '2023-12-15', reference: TEST_REFERENCE, rulesOnly: true });
    expect(rose.filter((p) => !p.likelyContext).map((p) => [p.value, p.upper])).toEqual([
      [61, null],
      [64, null],
    ]);
  });

  it('reads "at the time of the meeting, there were 173" as a running total', () => {
    expect(read('At the time of the meeting, there were 173 approved foster care households.', '2024-03-31').map((p) => [p.value, p.basis])).toEqual([[173, 'cumulative']]);
  });

  it('reads what the council "hopes to" reach as a plan', () => {
    expect(read('The scheme will reopen in October, and the council hopes to reach 3,000 residents.', '2024-03-12').map((p) => [p.value, p.basis, p.periodEnd])).toEqual([[3000, 'planned', '2024-10-31']]);
  });

  it('reads "we are holding two events in July", written in June, as a plan for the coming July', () => {
    expect(read('We are holding two bigger events in July to share what we have learned.', '2019-06-30').map((p) => [p.value, p.basis, p.periodEnd])).toEqual([[2, 'planned', '2019-07-31']]);
    // (A month already past, or a past tense, is what was done.)
    expect(read('We held two events in July.', '2019-06-30').map((p) => [p.value, p.basis, p.periodEnd])).toEqual([[2, 'period', '2018-07-31']]);
    expect(read('We are holding two events in March.', '2019-06-30').map((p) => [p.value, p.basis])).toEqual([[2, 'period']]);
  });

  it('reads the items under "The council’s spending plan includes:" as planned', () => {
    const basis = (text: string) => extractFigures(text, { reportDate: '2025-06-30', reference: TEST_REFERENCE }).map((p) => [p.value, p.basis]);
    expect(basis('Stop smoking grant\n\nThe council’s spending plan includes:\n£36,000 for an addictions officer,\n£178,676 to increase stop smoking officers.')).toEqual([
      [36_000, 'planned'],
      [178_676, 'planned'],
    ]);
  });

  it('reads "20 councils are expected to join in the autumn" as a plan', () => {
    expect(read('A further 20 councils are expected to join the programme in the autumn.', '2023-06-22').map((p) => [p.value, p.basis, p.periodEnd])).toEqual([[20, 'planned', '2023-11-30']]);
  });

  it('reads "taking the pool to 400" as a running total of what the number before counts', () => {
    expect(read('The mentoring scheme matched 85 new member mentors, taking the pool to 400.').map((p) => [p.value, p.setApart, p.counted, p.basis])).toEqual([
      [85, false, 'new member mentors', 'period'],
      [400, false, 'new member mentors', 'cumulative'],
    ]);
  });

  it('reads what a number counts from a subject the verb says it is ("days … totalled 540")', () => {
    const days = read('Remote support days provided by peers totalled 540 between October and December.');
    expect(days.map((p) => [p.value, p.setApart, p.counted])).toEqual([[540, false, 'Remote support days']]);
    expect(read('Applications to the fund numbered 64.')[0]).toMatchObject({ value: 64, setApart: false, counted: 'Applications to the fund' });
    // A number with its own noun after it keeps that noun.
    expect(read('The total came to 45 councils.')[0]).toMatchObject({ counted: 'councils' });
  });

  it('reads a Markdown table under its header, "Issue 12" as a label and "the total number of X to N" as X so far', () => {
    const found = extractFigures(
      [
        'Digital Inclusion Bulletin – Issue 12',
        '',
        'Forty councils have now joined, bringing the total number of trained Digital Champions to 1,150.',
        '',
        '| Council | Devices lent | Residents helped |',
        '|---|---|---|',
        '| Northtown | 120 | 95 |',
        '| Southvale | 80 | 76 |',
      ].join('\n'),
      { reportDate: '2022-11-30', reference: TEST_REFERENCE },
    );
    expect(found.map((p) => [p.value, p.likelyContext ? '' : p.counted, p.likelyContext ? 'set apart' : p.basis])).toEqual([
      [12, '', 'set apart'],
      [40, 'councils', 'cumulative'],
      [1150, 'trained Digital Champions', 'cumulative'],
      [120, 'Devices lent', 'period'],
      [95, 'Residents helped', 'period'],
      [80, 'Devices lent', 'period'],
      [76, 'Residents helped', 'period'],
    ]);
    expect(found.filter((p) => p.value === 95).map((p) => p.proposedProgramme)).toEqual(['Northtown']);
  });

  it('takes the programme named in the number\'s own part of the sentence, and reads a running total brought in after it as its own', () => {
    const found = read(
      'Its Local Plans support offer worked with 64 councils, and its Planning Skills Bootcamp trained 420 planning officers. The Pathways to Planning scheme placed 45 graduates in 30 councils this year, bringing the total placed since 2021 to 126. Around 1 in 3 councils report difficulty recruiting planners, according to the RTPI.',
    );
    const byValue = (v: number) => extractFigures(['Toolkit update', '', 'The toolkit helps councils buy well.', '', 'Its Local Plans support offer worked with 64 councils, and its Planning Skills Bootcamp trained 420 planning officers.'].join('\n'), { reportDate: '2024-05-31', reference: TEST_REFERENCE }).find((p) => p.value === v)!;
    expect(byValue(64).proposedProgramme).toBe('Plans support offer');
    expect(byValue(420).proposedProgramme).toBe('Planning Skills Bootcamp');
    // A name does not run back over a comma: "in June, the Culture Compact programme".
    const compact = extractFigures('Since the last Board meeting in June, the Culture Compact programme has supported a further 6 councils, bringing the total to 31.', { reportDate: '2023-09-12', reference: TEST_REFERENCE });
    expect(compact.map((p) => p.proposedProgramme)).toEqual(['Culture Compact Programme', 'Culture Compact Programme']);
    // Nor does the LGA's possessive begin one; and a label that is a clause names none.
    expect(extractFigures('The LGA’s Net Zero Innovation Programme has awarded grants to 18 partnerships.', { reportDate: '2024-02-28', reference: TEST_REFERENCE })[0]?.proposedProgramme).toBe('Net Zero Innovation Programme');
    expect(extractFigures('The fund was oversubscribed: 74 bids were received.', { reportDate: '2024-02-28', reference: TEST_REFERENCE })[0]).toMatchObject({ proposedProgramme: null, metric: 'Applications' });
    expect(extractFigures('The Head of Service confirmed that 312 applications had been processed.', { reportDate: '2024-02-28', reference: TEST_REFERENCE })[0]).toMatchObject({ proposedProgramme: null });
    // A paragraph's label names its programme without its article.
    expect(extractFigures('The libraries improvement offer: 11 councils have requested support.', { reportDate: '2023-09-12', reference: TEST_REFERENCE })[0]?.proposedProgramme).toBe('Libraries improvement offer');
    expect(found.map((p) => [p.value, p.setApart ? 'set apart' : p.basis])).toEqual([
      [64, 'period'],
      [420, 'period'],
      [45, 'period'],
      [30, 'period'],
      [126, 'cumulative'],
      [33.33, 'set apart'],
    ]);
  });

  it('reads changes on last year, parts "including N", injuries and allocations by who gives and who gets', () => {
    const found = read(
      [
        'A total of 1,770 fires were attended during the year - 180 (9.2%) fewer than in 2019/20. Accidental fires increased by 4 (1.1%).',
        'The Service completed 11,334 Safe and Well Checks, including 4,382 to households at high risk. At those incidents 29 people sustained slight injuries.',
        'We have allocated £279,370 to households. A further 33 projects received a share of £176,272 in funding, and 21,906 residents received a payment of £150.',
        'West Lindsey was allocated £2.7million from the fund. We have 747 pensioners that did not qualify for the payment.',
      ].join('\n'),
    );
    // (Fires attended are demand on the service, set apart as the corpus's readers do — the count's
    // change is set apart all the same.)
    expect(found.find((p) => p.value === 1770)).toMatchObject({ setApart: true });
    expect(found.filter((p) => !p.setApart).map((p) => [p.value, p.counted])).toEqual([
      [11334, 'Safe and Well Checks'],
      [4382, 'Safe and Well Checks'],
      [279370, 'funding awarded'],
      [33, 'projects'],
      [176272, 'funding awarded'],
      [21906, 'residents'],
      [747, 'pensioners'],
    ]);
  });

  it('keeps what only looks like a change, a vote or work outstanding', () => {
    const found = read('A total of 180 (73%) said the course helped. We thanked 40 outstanding volunteers, and the visits were followed up by 12 workshops. RESOLVED: that £1.2m for the project be noted. 45% of participants come from ethnic minority backgrounds.');
    expect(found.filter((p) => p.value !== 180).map((p) => [p.value, p.setApart])).toEqual([
      [73, false],
      [40, false],
      [12, false],
      [1200000, true],
      [45, false],
    ]);
    const resolution = extractFigures('RESOLVED: that £1.2m for the project be noted.', { reportDate: '2024-05-31', reference: TEST_REFERENCE });
    expect(resolution.map((p) => p.contextReason)).toEqual(['a sum of money, not awarded or saved by a programme']);
  });

  it('reads a KPI line: its label says what it counts, its target and number are set apart', () => {
    const found = extractFigures(
      [
        'Quarterly performance report',
        '',
        'KPI 1: Households prevented from homelessness – 312 (target 300)',
        'KPI 2: Calls answered within 60 seconds – 87% (target 90%)',
        'KPI 3: Number of apprenticeships started – 45 against a target of 60',
        '',
        'We processed 2,900 Council Tax Support applications.',
      ].join('\n'),
      { reportDate: '2023-10-31', reference: TEST_REFERENCE },
    );
    expect(found.map((p) => [p.value, p.likelyContext ? p.contextReason : p.counted])).toEqual([
      [1, 'a label or stage'],
      [312, 'Households prevented'],
      [300, 'a target, not something delivered'],
      [2, 'a label or stage'],
      [60, 'a duration'],
      [87, 'per cent'],
      [90, 'a target, not something delivered'],
      [3, 'a label or stage'],
      [45, 'apprenticeships started'],
      [60, 'a target, not something delivered'],
      [2900, 'Council Tax Support applications'],
    ]);
    expect(found.find((p) => p.value === 2900)?.metric).toBe(TEST_REFERENCE.metrics.find((m) => m.slug === 'applications')?.name);
  });

  it('reads "since it was launched in 2004" as so far, and sets apart how an offer is laid out and what it pays towards', () => {
    const found = read('Since it was launched in 2004, more than 3,500 councillors have completed the Academy. The programme runs over three residential modules, and councils can claim a 50% bursary.');
    expect(found.map((p) => [p.value, p.setApart, p.basis, p.periodEnd])).toEqual([
      [3500, false, 'cumulative', '2024-05-31'],
      [3, true, 'period', '2024-05-31'],
      [50, true, 'period', '2024-05-31'],
    ]);
  });

  it('reads an "in numbers" page: each number alone on its line, its words on the next', () => {
    const found = extractFigures(['Our year in numbers 2023/24', '', '1,200', 'councillors trained', '', '45', 'councils supported through peer challenge', '', '£3.4m', 'saved by councils using our procurement hub', '', 'Agenda', '', '12.', 'Declarations of interest'].join('\n'), {
      reportDate: '2024-05-31',
      reference: TEST_REFERENCE,
    });
    expect(found.map((p) => [p.value, p.likelyContext ? p.contextReason : p.metric])).toEqual([
      [1200, TEST_REFERENCE.metrics.find((m) => m.slug === 'people-supported')?.name ?? null],
      [45, TEST_REFERENCE.metrics.find((m) => m.slug === 'councils-supported')?.name ?? null],
      [3400000, TEST_REFERENCE.metrics.find((m) => m.slug === 'money-saved')?.name ?? null],
      [12, 'a list number'],
    ]);
  });

  it('reads a table of targets and actuals: the row says what is counted, the target column is set apart', () => {
    const found = extractFigures(
      ['Outputs', '', '| Output | Target | Actual |', '|---|---|---|', '| Businesses receiving non-financial support | 120 | 146 |', '| Volunteering opportunities created | 50 | 63 |', '', 'Against the allocation of £1.1 million, spend was £0.98 million (89%).'].join('\n'),
      { reportDate: '2024-06-30', reference: TEST_REFERENCE },
    );
    expect(found.map((p) => [p.value, p.likelyContext ? p.contextReason : p.counted])).toEqual([
      [120, 'a target, not something delivered'],
      [146, 'Businesses receiving non-financial support'],
      [50, 'a target, not something delivered'],
      [63, 'Volunteering opportunities created'],
      [1100000, 'money received, not awarded or saved by a programme'],
      [980000, "a body's own spending, not money awarded or saved"],
      [89, 'a share of a sum of money'],
    ]);
  });

  it('reads "twice as many as planned" as delivered, and a quote someone said as no title', () => {
    const found = read('In their first year 2,150 residents were referred on – twice as many as the council had planned. “Around two thirds of visitors had never used council services before,” said Cllr Jones. “10 questions to ask your council” was published.');
    expect(found.map((p) => [p.value, p.setApart ? 'set apart' : p.basis])).toEqual([
      [2150, 'period'],
      [66.67, 'period'],
      [10, 'set apart'],
    ]);
  });

  it('sets apart a share that goes on about the people of an outside statistic before it', () => {
    const found = read('Polling showed 61 per cent of residents were satisfied with their council. Nearly three quarters (72 per cent) said they trusted it most. We trained 40 councillors, and 90 per cent said the course helped.');
    expect(found.map((p) => [p.value, p.setApart])).toEqual([
      [61, true],
      [75, true],
      [72, true],
      [40, false],
      [90, false],
    ]);
  });

  it('sets apart a benchmark beside the programme\'s own share and a share of a place\'s people, weighing whole words of the share\'s own clause', () => {
    const found = read('In 2022/23, 54% of them had quit at four weeks, above the England average of 51%. Our campaign reached an estimated 25,000 residents; 3 in 10 adults in the borough are inactive.');
    expect(found.map((p) => [p.value, p.setApart])).toEqual([
      [54, false],
      [4, true],
      [51, true],
      [25000, false],
      [30, true],
    ]);
  });

  it('sets apart a share of people as they live, or one the sentence says is national', () => {
    const found = read('Nationally, 1 in 4 children live in poverty. In the borough 12% of children live in poverty.');
    expect(found.map((p) => [p.value, p.setApart])).toEqual([
      [25, true],
      [12, true],
    ]);
  });

  it('names a new metric by its noun, not running on into a verb ("35 consultations and gave evidence")', () => {
    const found = extractFigures('We responded to 35 consultations and gave evidence to select committees. We ran 9 task and finish groups.', { reportDate: '2024-10-15', reference: TEST_REFERENCE });
    expect(found.map((p) => [p.counted, p.proposedMetric])).toEqual([
      ['consultations', 'Consultations'],
      ['task and finish groups', null],
    ]);
  });

  it('gives a part ("of whom 1,200") what its total counts', () => {
    expect(read('In total, 4,000 residents were supported, of whom 1,200 were helped into work.').map((p) => [p.value, p.counted, p.setApart])).toEqual([
      [4000, 'residents', false],
      [1200, 'residents', false],
    ]);
  });

  it('reads "as of 19 February" as a running total to that day', () => {
    expect(at(14, '57')).toMatchObject({ basis: 'cumulative', periodStart: null, periodEnd: '2021-02-19', datePrecision: 'day' });
  });

  it('reads "between April and June" as a period, years from the report date', () => {
    expect(at(14, 'Over 1,200')).toMatchObject({ basis: 'period', periodStart: '2020-04-01', periodEnd: '2020-06-30', datePrecision: 'month' });
  });

  it('reads "since September" as a running total at the report date (LABELLING.md)', () => {
    expect(at(19, 'nearly 40')).toMatchObject({ basis: 'cumulative', periodStart: null, periodEnd: '2021-03-31' });
    // "launched in September 2023 and has delivered": since the launch, as of the report.
    const launched = extractFigures('Pathways to Planning launched in September 2023 and has delivered more than 80 new planners.', { reportDate: '2024-12-31', reference: TEST_REFERENCE });
    expect(launched.find((p) => p.value === 80)).toMatchObject({ basis: 'cumulative', periodStart: null, periodEnd: '2024-12-31' });
    // A sentence opening with a "since" clause is a running total; "the potential to" is a plan.
    const read = (text: string) => extractFigures(text, { reportDate: '2025-01-31', reference: TEST_REFERENCE })[0];
    expect(read('The Mayor said: “Since I was voted in as Mayor, we’ve upskilled over 40,000 people in our region.')).toMatchObject({ value: 40000, basis: 'cumulative' });
    // (A "since" inside the opening clause dates that clause only: the 350 attended one event.)
    const events = extractFigures('We have now held over 100 events since the beginning of the year, one attended by 350 people.', { reportDate: '2025-01-31', reference: TEST_REFERENCE });
    expect(events.find((p) => p.value === 350)).toMatchObject({ basis: 'period' });
    expect(read('The projects have the potential to create more than 7,000 jobs.')).toMatchObject({ value: 7000, basis: 'planned' });
    // (Not when the launch is all the sentence says of the date: "launched in May 2020 with 40 councils".)
    const only = extractFigures('The network launched in May 2020 with 40 councils.', { reportDate: '2024-12-31', reference: TEST_REFERENCE });
    expect(only.find((p) => p.value === 40)?.basis).not.toBe('cumulative');
  });

  it('reads planned activity ("a further 6 planned for the spring", "will receive … over the next 4 months")', () => {
    expect(at(15, '6')).toMatchObject({ basis: 'planned', periodStart: '2021-03-01', periodEnd: '2021-05-31' });
    expect(at(28, 'up to 30')).toMatchObject({ basis: 'planned', periodStart: '2021-04-01', periodEnd: '2021-07-31' });
  });

  it('dates a figure with no date in its text by the report', () => {
    expect(at(29, 'approximately 420')).toMatchObject({ periodEnd: '2021-03-31', datePrecision: 'month' });
    expect(at(19, '315')).toMatchObject({ basis: 'cumulative', periodEnd: '2021-03-31' });
  });

  it('reads a day date ("on 3 March 2020")', () => {
    expect(at(31, 'Almost 300')).toMatchObject({ periodStart: '2020-03-03', periodEnd: '2020-03-03', datePrecision: 'day' });
  });
});

describe('extractFigures: tables read row by row', () => {
  const read = (lines: string[]) => extractFigures(lines.join('\n'), { reportDate: '2023-07-15', reference: TEST_REFERENCE });

  it('reads what a cell counts from its column and whose it is from its row', () => {
    const found = read(['Sector support highlights', '', 'Programme | Councils supported | Attendees', 'Tenant Voice Network | 23 | 410', 'Planning Futures Programme | 17 | 138']);
    expect(found.map((p) => [p.value, p.metric, p.programme])).toEqual([
      [23, 'Councils supported', 'Tenant Voice Network'],
      [410, 'Attendees', 'Tenant Voice Network'],
      [17, 'Councils supported', 'Planning Futures Programme'],
      [138, 'Attendees', 'Planning Futures Programme'],
    ]);
    // Each cell says where it stands, for the review to show beside the row.
    expect(found[1]!.table).toEqual({ column: 'Attendees', row: 'Tenant Voice Network' });
    expect(read(['We trained 40 installers.'])[0]!.table).toBeNull();
  });

  it('dates a cell by a column headed with a period, and reads the measure from the row', () => {
    const found = read(['Annual results', '', 'Measure | 2021/22 | 2022/23', 'Councils supported | 40 | 52']);
    expect(found.map((p) => [p.value, p.metric, p.periodEnd])).toEqual([
      [40, 'Councils supported', '2022-03-31'],
      [52, 'Councils supported', '2023-03-31'],
    ]);
  });

  it('takes whose money a sum is from its column: awarded and saved, not requested or spent', () => {
    const found = read([
      'Community Grants Fund – round 2',
      '',
      '| Applicant | Project | Amount requested | Amount awarded |',
      '| Rhu Sailing Club | Accessible pontoon | £10,000 | £0 |',
      '| Garelochhead Youth Club | Summer activities for 40 young people | £2,400 | £2,400 |',
      '| Total | | £12,400 | £2,400 |',
      '',
      'Programme | Savings | Project cost',
      'Procurement review | £1,200,000 | £90,000',
      'Shared services | £650,000 | £120,000',
    ]);
    const sums = found.filter((p) => p.unit === 'GBP').map((p) => [p.line, p.value, p.likelyContext ? p.contextReason : 'proposed', p.programme ?? p.proposedProgramme]);
    expect(sums).toEqual([
      [4, 10_000, 'money asked for or put in, not awarded or saved by a programme', null],
      [4, 0, 'nothing awarded', null],
      [5, 2_400, 'money asked for or put in, not awarded or saved by a programme', null],
      [5, 2_400, 'proposed', 'Garelochhead Youth Club'],
      [6, 12_400, 'money asked for or put in, not awarded or saved by a programme', null],
      // (A "Total" row names no programme — the heading does; its cells keep their places though one is empty.)
      [6, 2_400, 'proposed', 'Community Grants Fund'],
      [9, 1_200_000, 'proposed', 'Procurement review'],
      [9, 90_000, 'a cost, not money awarded or saved', null],
      [10, 650_000, 'proposed', 'Shared services'],
      [10, 120_000, 'a cost, not money awarded or saved', null],
    ]);
  });

  it('reads what a table counts from its caption when its columns say only which part, and each row by its own dates', () => {
    const found = extractFigures([
      'The following data is based on delivery within the 2022 to 2023 academic year.',
      'Attendance at holiday clubs',
      'Holiday | Primary | Secondary | Total |',
      '---|---|---|---|',
      'Easter 2023 | 3,490 | 577 | 4,067 |',
      'Summer 2023 | 3,781 | 722 | 4,503 |',
    ].join('\n'), { reportDate: '2024-03-31', reference: TEST_REFERENCE });
    expect(found.map((p) => [p.value, p.metric, p.periodEnd])).toEqual([
      [3490, 'Attendees', '2023-04-30'],
      [577, 'Attendees', '2023-04-30'],
      [4067, 'Attendees', '2023-04-30'],
      [3781, 'Attendees', '2023-08-31'],
      [722, 'Attendees', '2023-08-31'],
      [4503, 'Attendees', '2023-08-31'],
    ]);
  });

  it('reads a cell with a sentence of its own as a sentence', () => {
    const found = read(['Project | What happened', 'Green homes | We trained 40 installers.', 'Skills hub | Over 300 learners enrolled.']);
    expect(found.find((p) => p.value === 40)!.counted).toBe('installers');
  });
});

describe('extractFigures: the periods a text names for its figures', () => {
  const one = (text: string, value: number, reportDate = '2024-09-30') =>
    extractFigures(text, { reportDate, reference: TEST_REFERENCE }).find((p) => p.value === value)!;

  it('reads a school’s academic year as September to August, and adult learning’s as August to July', () => {
    expect(one('During the 2021/22 academic year, 1,080 requests were made for an EHC needs assessment.', 1080, '2022-11-30')).toMatchObject({ periodStart: '2021-09-01', periodEnd: '2022-08-31' });
    expect(one('In the 2022/23 school year we ran 40 holiday sessions.', 40, '2023-11-30')).toMatchObject({ periodStart: '2022-09-01', periodEnd: '2023-08-31' });
    expect(one('In the 2023/24 academic year, almost 25,000 learners took free courses.', 25_000, '2024-11-30')).toMatchObject({ periodStart: '2023-08-01', periodEnd: '2024-07-31' });
    // ("the previous academic year" is a year before, as "the previous year" is.)
    expect(one('During the 2021/22 academic year, 1,080 requests were made for an EHC needs assessment, against 821 in the previous academic year.', 821, '2022-11-30')).toMatchObject({ periodEnd: '2021-08-31' });
  });

  it('reads "last year" as the last financial year ended by the report', () => {
    expect(one('Last year we delivered 140 peer challenges.', 140, '2019-09-01')).toMatchObject({ basis: 'period', periodStart: '2018-04-01', periodEnd: '2019-03-31' });
    expect(one('Last year we delivered 140 peer challenges.', 140, '2019-03-31')).toMatchObject({ periodEnd: '2019-03-31' });
    // "In the last year" too, as the corpus's readers date it; "the past year" and "the last 12
    // months" run to the report.
    expect(one('Over the last year we delivered 140 peer challenges.', 140, '2019-09-01')).toMatchObject({ periodStart: '2018-04-01', periodEnd: '2019-03-31' });
    expect(one('Almost 400 new jobs were created in the last year.', 400, '2025-01-31')).toMatchObject({ basis: 'period', periodEnd: '2024-03-31' });
    expect(one('In the past year, the hub has received 21,977 views.', 21977, '2021-02-28').periodEnd).toBe('2021-02-28');
    expect(one('Over the last 12 months we delivered 140 peer challenges.', 140, '2019-09-01').periodEnd).toBe('2019-09-01');
    // Opening its sentence, "over the previous year" is that span; after a number, a comparison's year.
    expect(one('Over the previous year, 84 businesses had engaged in masterclasses.', 84, '2022-12-31')).toMatchObject({ periodStart: '2021-04-01', periodEnd: '2022-03-31' });
    // Early in a calendar year, before the financial year is over, "last year" is the calendar year.
    expect(one('Last year 90 graduates started work.', 90, '2025-02-13')).toMatchObject({ periodStart: '2024-01-01', periodEnd: '2024-12-31' });
    expect(one('In the last financial year 90 graduates started work.', 90, '2025-02-13')).toMatchObject({ periodEnd: '2024-03-31' });
  });

  it('reads quarters of the financial year', () => {
    expect(one('In Q3 2020/21 we held 12 webinars.', 12)).toMatchObject({ periodStart: '2020-10-01', periodEnd: '2020-12-31' });
    expect(one('At the end of Q1, the council had 93 outcomes.', 93, '2019-09-30')).toMatchObject({ periodEnd: '2019-06-30' });
    // A quarter named by its number in words or as an ordinal: the number is its name, not a count.
    expect(one('In quarter three 2023/24 we held 12 webinars.', 12, '2024-03-14')).toMatchObject({ periodStart: '2023-10-01', periodEnd: '2023-12-31' });
    expect(one('In the 2nd quarter we held 8 webinars.', 8, '2024-03-14')).toMatchObject({ periodEnd: '2023-09-30' });
    const downloads = extractFigures('Downloads reached 15,200 in quarter three, up from 11,900 in quarter two.', { reportDate: '2024-03-14', reference: TEST_REFERENCE });
    expect(downloads.map((p) => p.value)).toEqual([15200, 11900]);
    expect(downloads[1]).toMatchObject({ periodEnd: '2023-09-30' });
  });

  it('ends an academic year on 31 July', () => {
    expect(one('The service enrolled over 1,640 adults during the 2021/22 academic year.', 1640)).toMatchObject({ periodStart: '2021-08-01', periodEnd: '2022-07-31' });
  });

  it('carries a financial year or season the text names to the figures after it, and the title’s to the whole report', () => {
    const text = ['Communications support – 2022/23 highlights', '', 'We supported 46 councils with campaigns.', '', 'This summer, 1,000 children took part.', '', 'Libraries hosted 15 events.'].join('\n');
    const found = extractFigures(text, { reportDate: '2023-10-01', reference: TEST_REFERENCE });
    expect(found.find((p) => p.value === 46)).toMatchObject({ periodStart: '2022-04-01', periodEnd: '2023-03-31' });
    expect(found.find((p) => p.value === 15)).toMatchObject({ periodEnd: '2023-08-31' });
  });

  it('takes the period the title given at import names, where the text’s own first lines name none', () => {
    const text = ['Performance', '', 'There were 1,200 homes with improved energy ratings.'].join('\n');
    const read = (title?: string) => extractFigures(text, { reportDate: '2023-03-31', reference: TEST_REFERENCE, title }).map((p) => [p.value, p.periodEnd]);
    expect(read('Quarter Three 2022/23 Performance Management Report')).toEqual([[1200, '2022-12-31']]);
    expect(read()).toEqual([[1200, '2023-03-31']]);
    // (What follows a dash or a bracket describes the report and is not read as its title.)
    expect(read('Performance Management Report – Cabinet, item 5 (Quarter Three 2022/23)')).toEqual([[1200, '2023-03-31']]);
    // (The text's own title comes first.)
    expect(extractFigures(`Peer support – 2021/22 highlights\n\n${text}`, { reportDate: '2023-03-31', reference: TEST_REFERENCE, title: 'Quarter Three 2022/23 report' })[0]!.periodEnd).toBe('2022-03-31');
  });

  it('takes no period for the whole report from an opening paragraph, only from a title', () => {
    const text = [
      'Every council in the region has agreed to take in people through the two schemes, which were set up after forces withdrew from Afghanistan last summer and the Taliban took back control of the country.',
      '',
      'More than 300 have already been resettled.',
    ].join('\n');
    expect(extractFigures(text, { reportDate: '2022-01-07', reference: TEST_REFERENCE }).find((p) => p.value === 300)).toMatchObject({ basis: 'cumulative', periodEnd: '2022-01-07' });
  });

  it('dates what a recent survey tells us at the report, not in the period named before it', () => {
    const text = ['Peer support – 2022/23 highlights', '', 'In 2022/23 we delivered 40 peer challenges.', '', '100 per cent of respondents to our recent survey told us the challenge had a positive impact.'].join('\n');
    const found = extractFigures(text, { reportDate: '2023-09-01', reference: TEST_REFERENCE });
    expect(found.find((p) => p.value === 40)!.periodEnd).toBe('2023-03-31');
    expect(found.find((p) => p.value === 100)!.periodEnd).toBe('2023-09-01');
  });

  it('does not carry a day or month an event happened on', () => {
    const text = ['The Green Paper was published in December 2020.', '', 'We have advised 14 employers on HR issues.'].join('\n');
    expect(extractFigures(text, { reportDate: '2021-02-28', reference: TEST_REFERENCE }).find((p) => p.value === 14)!.periodEnd).toBe('2021-02-28');
  });

  it('reads running totals from a list’s lead-in, a sentence’s opening phrase and "already"', () => {
    const text = ['Since the programme started:', '', '312 councils have taken part', '', '2,900 individuals have attended events', '', 'The programme runs until March.', '', '40 councils joined in June.'].join('\n');
    const found = extractFigures(text, { reportDate: '2025-10-30', reference: TEST_REFERENCE });
    expect(found.find((p) => p.value === 312)!.basis).toBe('cumulative');
    expect(found.find((p) => p.value === 2900)!.basis).toBe('cumulative');
    expect(found.find((p) => p.value === 40)!.basis).toBe('period');
    expect(one('To date, we have supported more than 70 councils and over 350 public sector leaders.', 350).basis).toBe('cumulative');
    expect(one('Early projects have already raised £164 million in capital receipts.', 164e6).basis).toBe('cumulative');
    expect(one('A total of 1,089 children joined the challenge in August.', 1089).basis).toBe('period');
  });

  it('reads what a committee is asked to approve as a plan, dated by the year it names', () => {
    expect(one('That the grant awards, totalling £129,600, be approved for inclusion in the budget for 2023/24;', 129600, '2023-02-01')).toMatchObject({ basis: 'planned', periodEnd: '2024-03-31' });
    expect(one('The recommendation sought approval of 13 grant applications, totalling £129,000.', 129000, '2023-02-01').basis).toBe('planned');
    expect(one('Transport grants were proposed to be supported in 2023/24 for three transport projects.', 3, '2023-02-01')).toMatchObject({ basis: 'planned', periodEnd: '2024-03-31' });
    expect(one('The council approved 13 grant applications in January.', 13, '2023-02-01').basis).toBe('period');
  });

  it('reads a forecast as a plan for every number after it in its sentence', () => {
    const text = 'By 2020, projects are expected to deliver £615 million in capital receipts and £158 million in running cost savings.';
    const found = extractFigures(text, { reportDate: '2018-06-30', reference: TEST_REFERENCE });
    expect(found.filter((p) => p.value > 1e6).map((p) => p.basis)).toEqual(['planned', 'planned']);
  });

  it('dates "the previous N years of the programme" to the end of the last financial year', () => {
    expect(one('In the previous four years of the programme, the LGA has funded 126 projects across England.', 126, '2022-01-18').periodEnd).toBe('2021-03-31');
    expect(one('In the previous two years of the programme, the LGA has funded more than 100 councils.', 100, '2019-09-01').periodEnd).toBe('2019-03-31');
  });

  it('dates a figure in a financial year still under way from the year’s start to the report', () => {
    expect(one('More than 300 bulletins have been published during the 2020/21 financial year.', 300, '2021-02-28')).toMatchObject({ basis: 'period', periodStart: '2020-04-01', periodEnd: '2021-02-28' });
  });

  it('carries the year of "results from the 2023/24 evaluation" to the list under it', () => {
    const text = ['Peer challenge', '', 'The most recent results from the 2023/24 evaluation of councils and peers identified that:', '', '  • One hundred per cent of respondents said that peer challenge has had a positive impact on their council.'].join('\n');
    expect(extractFigures(text, { reportDate: '2024-09-30', reference: TEST_REFERENCE }).find((p) => p.value === 100)!.periodEnd).toBe('2024-03-31');
  });

  it('reads a span from one month to another in a title as the report’s period', () => {
    const text = ['Performance of the grants programme: April 2017 to March 2019', '', 'The programme supported 45,497 people.'].join('\n');
    // Two years: a running total at the span's end.
    expect(extractFigures(text, { reportDate: '2019-07-31', reference: TEST_REFERENCE }).find((p) => p.value === 45497)).toMatchObject({ basis: 'cumulative', periodEnd: '2019-03-31' });
    const year = ['Performance of the grants programme: April 2018 to March 2019', '', 'The programme supported 45,497 people.'].join('\n');
    expect(extractFigures(year, { reportDate: '2019-07-31', reference: TEST_REFERENCE }).find((p) => p.value === 45497)).toMatchObject({ basis: 'period', periodStart: '2018-04-01', periodEnd: '2019-03-31' });
  });

  it('reads two months after "throughout" or "between" as one span, carried to the sentences after it, but not an average’s span', () => {
    const text = ['The council hosted five giveaway events throughout September and October.', 'Over the five events, 1,023 people attended.'].join('\n');
    const found = extractFigures(text, { reportDate: '2024-11-30', datePrecision: 'month', reference: TEST_REFERENCE });
    expect(found.find((p) => p.value === 5)).toMatchObject({ periodStart: '2024-09-01', periodEnd: '2024-10-31' });
    expect(found.find((p) => p.value === 1023)).toMatchObject({ periodStart: '2024-09-01', periodEnd: '2024-10-31' });
    const average = ['Regional engagement', '', '- Averaged 141 engagements with councils each month from March to May.', '- Engaged with 98 councils on a bespoke basis.'].join('\n');
    expect(extractFigures(average, { reportDate: '2020-07-31', reference: TEST_REFERENCE }).find((p) => p.value === 98)!.periodEnd).toBe('2020-07-31');
  });

  it('reads "due to" as a plan only before a verb', () => {
    expect(one('Achievements possible due to strong management: 17,894 calls received by the hub.', 17894).basis).not.toBe('planned');
    expect(one('A further 12 webinars are due to take place in the autumn.', 12).basis).toBe('planned');
  });

  it('reads who a programme works with now, and totals over more than a year, as running totals', () => {
    const text = 'We now work with over 90 per cent of councils in 76 partnerships.';
    const found = extractFigures(text, { reportDate: '2018-12-31', reference: TEST_REFERENCE });
    expect(found.filter((p) => p.value === 90 || p.value === 76).map((p) => p.basis)).toEqual(['cumulative', 'cumulative']);
    expect(one('The LGA set up four programmes between 2014 and 2018, which provided 100 councils with support.', 100, '2019-08-31')).toMatchObject({ basis: 'cumulative', periodEnd: '2018-12-31' });
    expect(one('Between April and June we held 12 webinars.', 12)).toMatchObject({ basis: 'period', periodStart: '2024-04-01' });
  });

  it('reads what people said they will do as a finding, not a plan', () => {
    expect(one('70 per cent of delegates said they intend to stand for election.', 70).basis).toBe('period');
  });
});

describe('extractFigures: numbers that are not figures', () => {
  const highlighted = (line: number) => proposals.filter((p) => p.line === line).map((p) => p.evidence.slice(p.numberStart, p.numberEnd));

  it('never ticks dates, years or financial years (they are not proposed at all)', () => {
    expect(highlighted(31)).not.toContain('2019');
    expect(highlighted(31)).not.toContain('2020');
    expect(proposals.some((p) => p.line === 31 && [2019, 2020, 3].includes(p.value))).toBe(false);
    expect(proposals.some((p) => p.line === 14 && p.value === 19)).toBe(false);
  });

  it('never proposes paragraph numbering', () => {
    expect(proposals.some((p) => p.line === 10 && (p.value === 2.1 || p.value === 2))).toBe(false);
    expect(proposals.some((p) => p.line === 8)).toBe(false);
    // "1) ", "(2) ", "(iv) " number a list too.
    const listed = extractFigures(['Routes', '', '1) Planning: recruiting 175 planners', '(2) Surveying: recruiting 30 surveyors', '(iv) Project management: recruiting 25 graduates'].join('\n'), { reportDate: '2025-08-31', reference: TEST_REFERENCE });
    expect(listed.map((p) => p.value)).toEqual([175, 30, 25]);
  });

  it('marks phone numbers, ages, durations and government funding as probably context', () => {
    expect(at(4, '020 7946 0321')).toMatchObject({ likelyContext: true, contextReason: 'a phone number' });
    // A range is one reading, its low end with its top: "18-25" one age range, "2-3" one duration.
    expect(at(27, '18-25')).toMatchObject({ upper: 25, likelyContext: true, contextReason: 'an age range' });
    expect(at(27, '2-3')).toMatchObject({ upper: 3, likelyContext: true, contextReason: 'a duration' });
    expect(at(28, '4')).toMatchObject({ likelyContext: true, contextReason: 'a duration' });
    expect(at(27, '£1.6bn')).toMatchObject({ value: 1.6e9, unit: 'GBP', likelyContext: true, contextReason: 'government funding' });
  });

  it('sets apart the agenda number of a link to a committee paper', () => {
    const found = extractFigures('27 Quarter 4 Corporate Performance report pdf icon PDF 333 KB', { reportDate: '2022-07-14', reference: TEST_REFERENCE });
    expect(found.find((p) => p.value === 27)).toMatchObject({ likelyContext: true, contextReason: 'part of a link to a document' });
  });

  it('marks party seats as context', () => {
    expect(at(30, '12')).toMatchObject({ likelyContext: true, contextReason: 'party seats' });
    expect(at(30, '9')).toMatchObject({ likelyContext: true, contextReason: 'party seats' });
  });

  it('gives every proposal of a non-figure a reason, and none to a figure', () => {
    for (const p of proposals) expect(p.likelyContext).toBe(p.contextReason !== null);
    expect(proposals.filter(ticked).length).toBeGreaterThan(25);
  });

  it('handles the other context kinds in isolation (the rules)', () => {
    const cases: [string, string][] = [
      ['The webinar ran for the next 4 months.', 'a duration'],
      ['Support for 18-25 year olds was extended.', 'an age range'],
      ['Each review takes over 2-3 days on site.', 'a duration'],
      ['Cases are counted per 10,000 residents.', 'a rate'],
      ['A carer’s allowance of £9.50 per hour is available.', 'an allowance rate'],
      ['The Government announced £2.4 billion for councils.', 'government funding'],
      ['Around 12 per cent of residents cycle to work.', 'an outside statistic'],
      ['The scheme is now in Phase 3 of delivery.', 'a label or stage'],
    ];
    for (const [sentence, reason] of cases) {
      // (The rules' reason: whether a lone sentence is a figure after all is the reader's judgement,
      // decision 0007 — it proposes "The Government announced £2.4 billion for councils.")
      const found = extractFigures(sentence, { reportDate: '2021-03-31', reference: TEST_REFERENCE, rulesOnly: true });
      expect(found.find((p) => p.contextReason === reason), `${sentence} → ${reason}: ${JSON.stringify(found.map((p) => p.contextReason))}`).toBeDefined();
    }
  });

  it('proposes a breakdown of a total as a figure of its own (LABELLING.md), and sets apart the whole a share is of', () => {
    const found = extractFigures('A total of 80 officers took part (15 of which are directors); 312 of the 317 councils in England joined.', { reportDate: '2021-03-31', reference: TEST_REFERENCE });
    expect(found.filter(ticked).map((p) => p.value)).toEqual([80, 15, 312]);
    expect(found.find((p) => p.value === 317)).toMatchObject({ likelyContext: true, contextReason: 'the whole that a share is of' });
  });

  it('sets apart caps, minimums and amounts per participant, and sizes of teams', () => {
    const cases: [string, string][] = [
      ['The LGA has awarded up to £25,000 to each project.', 'a cap per participant, not something delivered'],
      ['Each of the eight councils gets a £20,000 grant each.', 'an amount for each participant, not a total'],
      ['14 councils completed the diagnostic (target: 12).', 'a target, not something delivered'],
      ['Six new project locations are among ACE’s 54 priority places.', 'the whole that a share is of'],
      ['The delivery of the 543,000-tree planting target would be through partnership work.', 'a target, not something delivered'],
      ['This is part of a government initiative to recruit three million apprentices by 2020.', 'a target, not something delivered'],
      ['In year one the programme was tasked with creating 589 new jobs, and it created 1,000.', 'a target, not something delivered'],
      ['A further six cohorts are planned, with up to 25 places each.', 'a cap per participant, not something delivered'],
      ['Councils downloaded the Cyber 360 toolkit 1,240 times.', 'part of a name'],
      ["The programme's grant from DLUHC for 2024/25 is £21.5 million.", 'money received, not awarded or saved by a programme'],
      ['Spend to the end of September was £9.8m.', "a body's own spending, not money awarded or saved"],
      ['What happened to the other four cases?', 'in a question, not a statement of what was done'],
      ['The programme’s 2024/25 grant from the Department is £1.1 million.', 'money received, not awarded or saved by a programme'],
      ['Of those referred, 212 were aged over 65.', 'an age range'],
      ['In all, 38 councils were offered grants of up to £100,000.', 'a cap per participant, not something delivered'],
      ['Trainees rotate through a minimum of three placements.', 'a minimum or maximum the offer sets, not something delivered'],
      ['Councils will be limited to leading on 2 applications each round.', 'a minimum or maximum the offer sets, not something delivered'],
      ['The Commissioner is inviting groups to apply for a share of the £50,000 investment.', 'money on offer, not yet awarded'],
      ['On a normal day 12 households will need our support to access a food bank.', 'a rate'],
      ['Almost £25 was generated for every pound spent on hosting the event.', 'a rate of return'],
      ['GLOUCESTERSHIRE County Council is offering £50,000 in grant funding to communities.', 'money on offer, not yet awarded'],
      ['This has meant that the council had £1.7 million available to fund local businesses.', 'money on offer, not yet awarded'],
      ['The lowest grant is £1,000.', 'a limit or threshold the offer sets, not something delivered'],
      ['Grants were calculated as a share of lost turnover up to a maximum of £10,000.', 'a cap per participant, not something delivered'],
      ['It currently employs eight staff, running a series of projects.', 'the size of a team'],
      ['Response 3566317', 'a label or stage'],
      ['FOI 8443741', 'a label or stage'],
      ['Case No. 27 was closed.', 'a label or stage'],
      ['Government data indicates that Herefordshire can expect at least another 171 guests.', 'a forecast, not something delivered'],
      ['The figure is likely to reach 5,000 as the scheme continues.', 'a forecast, not something delivered'],
      ['We will run 3 further regional events, each for up to 60 delegates.', 'a cap per participant, not something delivered'],
      ['This year we have grown to a 19-strong team.', 'the size of a team'],
      ['More than 9 in 10 councils across the country are experiencing recruitment difficulties.', 'an outside statistic'],
      ['Currently, more than 165,000 homeless Londoners live in temporary accommodation.', 'an outside statistic'],
      ['The capital accounts for two-thirds of England’s total number of homeless households.', 'an outside statistic'],
      ['Councils in England face recruitment challenges, with nine in 10 reporting difficulties according to the LGA’s workforce survey.', 'an outside statistic'],
      ['The placement covers 100% of the National Minimum Wage for 25 hours a week.', 'a share of a sum of money'],
      ['This is an average household gain of £1,440.', 'an average, not a total'],
      ['The council received £1.9m in November and £860,000 top-up allocation in January.', 'money received, not awarded or saved by a programme'],
      ['Guidance followed the closure of 43.4 schools.', 'a number with a fraction, which cannot count whole things'],
      ['The service exceeded its agreed target of 35,000 meals.', 'a target, not something delivered'],
      ['There are three key areas of activity.', 'it describes how the work is organised, not what it delivered'],
      ['Trainees rotate between three or four placements.', 'a rough description ("three or four"), not a count'],
      ['Grants were matched by over £2m in private sector contributions.', 'money others put in, not awarded or saved by a programme'],
      ['Successful councils will match the grant with at least £300,000 of their own.', 'money others put in, not awarded or saved by a programme'],
    ];
    for (const [sentence, reason] of cases) {
      // (The rules' reason: whether a lone sentence is a figure after all is the reader's judgement,
      // decision 0007 — it proposes "The Government announced £2.4 billion for councils.")
      const found = extractFigures(sentence, { reportDate: '2021-03-31', reference: TEST_REFERENCE, rulesOnly: true });
      expect(found.find((p) => p.contextReason === reason), `${sentence} → ${reason}: ${JSON.stringify(found.map((p) => p.contextReason))}`).toBeDefined();
    }
  });

  // (The rules' own verdicts, before the reader weighs them: see 'the reader' below.)
  it('keeps what the rules must not set apart', () => {
    const ticked1 = (text: string) => extractFigures(text, { reportDate: '2024-03-31', reference: TEST_REFERENCE, rulesOnly: true }).filter(ticked).map((p) => p.value);
    expect(ticked1('The LGA peer support offer saves the sector up to £1.5 million annually (an average of £1,000 per day).')).toEqual([1.5e6]);
    expect(ticked1('We received 177 referrals which resulted in £290k in benefit gains for the families referred.')).toEqual([177, 290000]);
    expect(ticked1('We can report a minimum of £2.5m in additional income to these families.')).toEqual([2.5e6]);
    expect(ticked1('The fund has awarded up to £2m so far.')).toEqual([2e6]);
    expect(ticked1('We recruited 120 apprentices against a target of 100.')).toEqual([120]);
    // Places provided or visited are delivered; places where it happened are not ("in 7 libraries").
    expect(ticked1('The council worked with partners to provide over 150 Warm Welcome locations.')).toEqual([150]);
    expect(ticked1('Mobile libraries extended the reach by visiting 18 different venues.')).toEqual([18]);
    expect(ticked1('The sessions ran in 12 community venues.')).toEqual([]);
    // A share of people saying what the help did for them; not one saying how they find their council.
    expect(ticked1('86% of residents surveyed said they felt more confident online.')).toEqual([86]);
    expect(ticked1('Polling showed 61 per cent of residents said they were satisfied with their council.')).toEqual([]);
    expect(ticked1('Levy transfers brokered by the programme reached £1.6 million.')).toEqual([1.6e6]);
    expect(ticked1('The programme approved 17 new projects worth £650,000, leveraging a further £1.1m of council funding.')).toEqual([17, 650000, 1.1e6]);
    // Income gained for people by the support, and a share of people in words someone said.
    expect(ticked1('In all, 640 people were referred for advice, leading to £212,000 in extra income for households.')).toEqual([640, 212000]);
    expect(ticked1('Cllr Jane Evans said: "Nine out of ten visitors told us they felt less isolated."')).toEqual([90]);
    expect(ticked1('The programme is investing over £6 million each year.')).toEqual([6e6]);
    expect(ticked1('The Hub has also dealt with 810 questions from councils.')).toEqual([810]);
    // Effort given, an average over a span, and a share of people newly reached.
    expect(ticked1('The team dedicated 152 hours to prepare the devices.')).toEqual([152]);
    expect(ticked1('The helpline has had a high number of calls – an average of 593 a week since December.')).toEqual([593]);
    expect(ticked1('Over 95% of these young people had not previously taken part in any of our activities.')).toEqual([95]);
    expect(ticked1('16% of projects had not been fully achieved.')).toEqual([]);
    // A share after a quarter's label is not a label itself.
    expect(ticked1('At the end of Q2, 98% of KPIs were either blue or green.')).toEqual([98]);
    // Money a programme gave, however the sentence turns it, and costs cut.
    expect(ticked1('The 21 projects received total funding of £307,000 from the LGA.')).toEqual([21, 307000]);
    expect(ticked1('Projects have helped councils cut running costs by £23 million.')).toEqual([23e6]);
    // Money a scheme provided to others, or is committing as support to them, is awarded.
    expect(ticked1('The Community Champions scheme provided £23.75m to 60 local authorities.')).toEqual([23.75e6, 60]);
    expect(ticked1('The levy scheme is currently committing £194,000 of support to 12 local businesses.')).toEqual([194000, 12]);
    expect(ticked1('Cornwall committed £18 million to fund a three year programme.')).toEqual([]);
    // Published statistics of an area, a whole a programme contributed to, and a share of last year's figures.
    expect(ticked1('Public data for 2021/22 shows a recovery, with around 980 starts in the city.')).toEqual([]);
    expect(ticked1('Our activities in schools have also contributed to the 250 apprenticeship starts.')).toEqual([]);
    expect(ticked1('We contributed to 9 consultations, around 114% of the full-year figures for 2019/20.')).toEqual([9]);
    // Millions of days are provision counted, not a span of time.
    expect(ticked1('Across the year, almost five million HAF days were provided.')).toEqual([5e6]);
    // Collection rates, by how much a target was beaten, and prices are not figures.
    expect(ticked1('The council collected 98.7% of the Council Tax owed and 99.8% of business rates.')).toEqual([]);
    expect(ticked1('Meals served exceeded the agreed target of 35,000 meals by 75%, delivering 61,346 meals.')).toEqual([61346]);
    expect(ticked1('The council distributed 265 laptops to families at a nominal fee of £60.')).toEqual([265]);
    // A number in brackets counts the noun after them; a site visit is an event, not a place.
    expect(ticked1('A record number of (5000+) applications to the graduate programme.')).toEqual([5000]);
    expect(ticked1('They gathered views from more than 45 meetings and site visits.')).toEqual([45]);
  });

  it('sets apart addresses, list numbers, weekdays’ dates, paragraph references, ages and targets set', () => {
    const ticked1 = (text: string) => extractFigures(text, { reportDate: '2024-03-31', reference: TEST_REFERENCE }).filter(ticked).map((p) => p.value);
    expect(ticked1('Venue: 18 Smith Square, where 40 councils met.')).toEqual([40]);
    expect(ticked1('1.\nNearly 400 people joined the webinar.')).toEqual([400]);
    expect(ticked1('The reviewers were on site between Tuesday 19-Friday 22 September 2023 and met 45 people.')).toEqual([45]);
    expect(ticked1('The board agreed the work programme set out in paragraphs 23-31 and in paragraphs. 9.3-9.4.')).toEqual([]);
    expect(ticked1('Bootcamps are short courses for people over the age of 19; 1,200 people took part.')).toEqual([1200]);
    // (The rules' verdict: the reader, retrained with each batch, is judged on the corpus.)
    expect(extractFigures('The initial target set nationally was for 22.5% of participants to find work; 30% did.', { reportDate: '2024-03-31', reference: TEST_REFERENCE, rulesOnly: true }).filter(ticked).map((p) => p.value)).toEqual([30]);
    expect(ticked1('Outcomes for quarters one to 20 show 300 people helped, over the next year or two.')).toEqual([300]);
    expect(ticked1('There was a marked increase of 18% between quarters 3 and 4; some 3,054 problems were advised on.')).toEqual([3054]);
    // A numeral closing a name ("Skills Bank 2", "Hotel 1824"), not a count.
    expect(ticked1('Skills Bank 2 commenced delivery late but supported 300 businesses.')).toEqual([300]);
    expect(ticked1('The final report on the youth homelessness hub project, Hotel 1824.')).toEqual([]);
    expect(ticked1('The Kirklees Youth Council 46 young people took part.')).toEqual([46]);
  });

  it('reads what a number counts from quotes alone, and from the label of its line', () => {
    const read = (text: string) => extractFigures(text, { reportDate: '2024-03-31', reference: TEST_REFERENCE });
    const impressions = read('During the campaign period there were 114 million ‘impressions’ across all media channels combined.')[0]!;
    expect(impressions).toMatchObject({ value: 114e6, likelyContext: false, proposedMetric: 'Impressions', proposedProgramme: null });
    expect(read('We ran 75 ‘Be a councillor’ events.')[0]).toMatchObject({ value: 75, metric: 'Events delivered' });
    const [, employment] = read('iii) Priority 3, tackling poverty through employment – 5,696');
    expect(employment).toMatchObject({ value: 5696, likelyContext: false });
    expect(read('There have been good news stories from across the 60 LAs.')[0]).toMatchObject({ value: 60, metric: 'Councils supported' });
    const councils = read('Councils supported: 45')[0]!;
    expect(councils).toMatchObject({ value: 45, metric: 'Councils supported', proposedProgramme: null });
  });

  it('dates a table’s columns by quarter headers, and a Total column by all of them', () => {
    const found = extractFigures(['Progress', '', '| Measure | Q1 | Q2 | Total |', '|---|---|---|---|', '| Councils supported | 21 | 18 | 39 |', '| Delegates | 260 | 315 | 575 |'].join('\n'), { reportDate: '2024-10-10', reference: TEST_REFERENCE });
    expect(found.map((p) => [p.value, p.metric, p.programme, p.periodStart, p.periodEnd])).toEqual([
      [21, 'Councils supported', null, '2024-04-01', '2024-06-30'],
      [18, 'Councils supported', null, '2024-07-01', '2024-09-30'],
      [39, 'Councils supported', null, '2024-04-01', '2024-09-30'],
      [260, 'Attendees', null, '2024-04-01', '2024-06-30'],
      [315, 'Attendees', null, '2024-07-01', '2024-09-30'],
      [575, 'Attendees', null, '2024-04-01', '2024-09-30'],
    ]);
  });

  it('reads a table laid out with spaces, as text copied from a PDF is: header, targets, rows', () => {
    const found = extractFigures(
      ['Key performance indicators', 'Indicator                        Target    Actual', 'Learners enrolled                3,200     3,412', 'Courses delivered                  580       611'].join('\n'),
      { reportDate: '2024-09-30', reference: TEST_REFERENCE },
    );
    expect(found.map((p) => [p.value, p.likelyContext ? p.contextReason : p.metric])).toEqual([
      [3200, 'a target, not something delivered'],
      [3412, 'People coached or trained'],
      [580, 'a target, not something delivered'],
      [611, 'Events delivered'],
    ]);
    // Bullets and paragraph numbers before wide gaps are not a table's cells.
    const bullets = extractFigures(['·         We trained 40 officers in May.', '·         We held 12 events in June.'].join('\n'), { reportDate: '2024-09-30', reference: TEST_REFERENCE });
    expect(bullets.map((p) => [p.value, p.counted])).toEqual([
      [40, 'officers'],
      [12, 'events'],
    ]);
  });

  it('reads a table pasted from a PDF whose header leaves the label column blank: quarters, a total of those reported, a target, thousands', () => {
    const found = extractFigures(
      [
        'Table 1: Key performance indicators',
        '                                Q1        Q2        Q3        Q4      Total   Target 23/24',
        'Corporate peer challenges          12         9        14        -        35        50',
        'Councils supported                 28        31        26        -        85       110',
        'Page views (000s)                 212       188       201        -       601       900',
      ].join('\n'),
      { reportDate: '2024-01-23', reference: TEST_REFERENCE },
    );
    // (The "1" of "Table 1" is set apart, naming nothing.)
    expect(found.filter((p) => p.line > 1).map((p) => [p.value, p.likelyContext ? p.contextReason : p.basis, p.likelyContext ? null : p.periodStart, p.likelyContext ? null : p.periodEnd])).toEqual([
      [12, 'period', '2023-04-01', '2023-06-30'],
      [9, 'period', '2023-07-01', '2023-09-30'],
      [14, 'period', '2023-10-01', '2023-12-31'],
      [35, 'period', '2023-04-01', '2023-12-31'],
      [50, 'a target, not something delivered', null, null],
      [28, 'period', '2023-04-01', '2023-06-30'],
      [31, 'period', '2023-07-01', '2023-09-30'],
      [26, 'period', '2023-10-01', '2023-12-31'],
      [85, 'period', '2023-04-01', '2023-12-31'],
      [110, 'a target, not something delivered', null, null],
      [212_000, 'period', '2023-04-01', '2023-06-30'],
      [188_000, 'period', '2023-07-01', '2023-09-30'],
      [201_000, 'period', '2023-10-01', '2023-12-31'],
      [601_000, 'cumulative', null, '2023-12-31'],
      [900_000, 'a target, not something delivered', null, null],
    ]);
  });

  it('sets apart a return said first, what one taker may have, an offer’s limits, a budget’s parts and a country’s statistics', () => {
    const reasons = (text: string) => extractFigures(text, { reportDate: '2024-03-01', reference: TEST_REFERENCE }).map((p) => [p.value, p.likelyContext ? p.contextReason : 'figure']);
    expect(reasons('Every £1 invested in tenancy sustainment saves an estimated £3.40 in eviction costs.')).toEqual([
      [1, 'a rate of return'],
      [3.4, 'a rate of return'],
    ]);
    expect(reasons('Each school received up to 2 free visits. Each council can claim up to 5 days of free consultancy. We offered places for up to 40 officers at each session.').map(([, r]) => r)).toEqual([
      'a cap per participant, not something delivered',
      'a cap per participant, not something delivered',
      'a cap per participant, not something delivered',
    ]);
    expect(reasons('The maximum grant for a single project is £50,000; projects below £5,000 are decided by officers.').map(([, r]) => r)).toEqual([
      'a limit or threshold the offer sets, not something delivered',
      'a limit or threshold the offer sets, not something delivered',
    ]);
    expect(reasons('The programme has a total budget of £2.64m to March 2025, of which £1.9m is grant and £740,000 is for staffing.').map(([, r]) => r)).toEqual(Array(3).fill('a budget and its parts, not money awarded'));
    expect(reasons('Nationally, fire and rescue services attended 153,957 fires in 2022/23.')).toEqual([[153957, 'an outside statistic']]);
    expect(reasons('Councils face around 1,400 attempted cyber attacks every single day (National Cyber Security Centre statistics).')).toEqual([[1400, 'an outside statistic']]);
    // What the programme did stays a figure, in the same shapes.
    expect(reasons('We held 12 webinars, attended by 540 officers, and awarded £412,000 to 87 community groups.').map(([, r]) => r)).toEqual(Array(4).fill('figure'));
    expect(reasons('Nationally, our programme has supported 243 councils.')).toEqual([[243, 'figure']]);
  });

  it('sets apart a time on the 24-hour clock ("arrived from 0915"), not hours delivered', () => {
    const reasons = (text: string) => extractFigures(text, { reportDate: '2024-03-01', reference: TEST_REFERENCE }).map((p) => [p.value, p.likelyContext ? p.contextReason : 'figure']);
    expect(reasons('130 delegates arrived from 0915 for breakfast.')).toEqual([
      [130, 'figure'],
      [915, 'a time of day'],
    ]);
    expect(reasons('The helpline is open until 1730 hrs.')).toEqual([[1730, 'a time of day']]);
    expect(reasons('Coaches delivered 1500 hours of coaching.')).toEqual([[1500, 'figure']]);
  });

  it('reads money a fund shared out as awarded: shared, given to so many groups, supported them with, approved', () => {
    const money = (text: string) => extractFigures(text, { reportDate: '2024-03-01', reference: TEST_REFERENCE }).filter((p) => p.unit === 'GBP').map((p) => [p.value, p.likelyContext ? p.contextReason : 'figure']);
    expect(money('Eighty-seven community groups have shared £412,000 from the Community Resilience Fund.')).toEqual([[412000, 'figure']]);
    expect(money('- £48,500 to 11 village halls for energy improvements')).toEqual([[48500, 'figure']]);
    expect(money('The fund supported 73 groups with £318,000 this year.')).toEqual([[318000, 'figure']]);
    expect(money('In total, 58 projects were approved (£612,000).')).toEqual([[612000, 'figure']]);
    // Money coming in is still not awarded.
    expect(money('The council received £1.9m from the Department for Education in November.')).toEqual([[1900000, 'money received, not awarded or saved by a programme']]);
  });

  it('keeps a share measured some months after, and sets apart a number in a programme’s name (the rules)', () => {
    const read = (text: string) => extractFigures(text, { reportDate: '2024-01-10', reference: TEST_REFERENCE, rulesOnly: true }).map((p) => [p.value, p.likelyContext ? p.contextReason : 'figure']);
    expect(read('Confidence rose from 61% before the programme to 74% six months after it.')).toEqual([
      [61, 'figure'],
      [74, 'figure'],
      [6, 'a duration'],
    ]);
    expect(read('The work is part of the LGA Cyber 360 programme.')).toEqual([[360, 'part of a name']]);
    // A count of programmes is a count, capital or not.
    expect(read('Over 30 programmes were run. The LGA ran 12 Leadership programmes.').map(([, r]) => r)).toEqual(['figure', 'figure']);
  });

  it('sets apart a table’s column of changes, signed or not', () => {
    const found = extractFigures(['Outputs', '', 'Programme | 2022/23 | 2023/24 | Change', 'Corporate Peer Challenge | 41 | 38 | -7%', 'Finance Peer Review | 12 | 22 | +83%'].join('\n'), { reportDate: '2024-05-31', reference: TEST_REFERENCE });
    expect(found.map((p) => [p.value, p.likelyContext ? p.contextReason : p.periodEnd])).toEqual([
      [41, '2023-03-31'],
      [38, '2024-03-31'],
      [7, 'a change, which the dashboard works out itself'],
      [12, '2023-03-31'],
      [22, '2024-03-31'],
      [83, 'a change, which the dashboard works out itself'],
    ]);
    // A note's label names no programme.
    expect(extractFigures('Notes: the number of councils supported overall was 142.', { reportDate: '2024-05-31', reference: TEST_REFERENCE })[0]?.proposedProgramme).toBeNull();
  });

  it('dates a report by the period it says it covers ("This report updates members … for April to September 2024")', () => {
    const found = extractFigures(['Workforce support', '', 'Summary', '', 'This report updates members on the programme for April to September 2024.', '', 'Key achievements', '', '- 14 councils completed the diagnostic.'].join('\n'), { reportDate: '2024-10-10', reference: TEST_REFERENCE });
    expect(found.find((p) => p.value === 14)).toMatchObject({ periodStart: '2024-04-01', periodEnd: '2024-09-30' });
  });

  it('reads visits to places as people who came, and visits to pages as page views', () => {
    const metric = (text: string) => extractFigures(text, { reportDate: '2023-07-13', reference: TEST_REFERENCE })[0]?.metric;
    expect(metric('Warm Welcome locations across the county were visited over 33,000 times.')).toBe('Attendees');
    expect(metric('The sessions attracted a total of 13,762 visitors across the Library Service.')).toBe('Attendees');
    expect(metric('The libraries had 48,000 visits in the year.')).toBe('Attendees');
    expect(metric('The hub’s web pages were visited 12,000 times.')).toBe('Page views');
    expect(metric('The toolkit had 9,000 visits.')).toBe('Page views');
    expect(extractFigures('We brought 57 empty homes back into use.', { reportDate: '2023-07-31', reference: TEST_REFERENCE })[0]?.counted).toBe('empty homes');
    // A part named by a participle alone counts what the count before it counts.
    expect(extractFigures('The 39 projects cover England, with 14 located in the North.', { reportDate: '2023-07-31', reference: TEST_REFERENCE }).map((p) => p.metric)).toEqual(['Projects funded', 'Projects funded']);
    // A sum's own words say what it is before the sentence's do.
    expect(extractFigures('Previous rounds funded 52 projects worth £3.4m, which have generated an estimated £11m in savings.', { reportDate: '2024-02-28', reference: TEST_REFERENCE }).map((p) => p.metric)).toEqual(['Projects funded', 'Money awarded', 'Money saved']);
    expect(metric('Peers took part in 134 peer challenges and made 64 follow-up visits.')).toBe('Peer challenges and reviews');
    expect(extractFigures('Peers made 64 follow-up visits.', { reportDate: '2023-07-13', reference: TEST_REFERENCE })[0]?.metric).toBe('Events delivered');
    // Visits of a kind named before the word are made to people: events. A website's are not.
    const metricOf = (text: string) => extractFigures(text, { reportDate: '2023-07-13', reference: TEST_REFERENCE }).map((p) => p.metric);
    expect(metricOf('We completed 8,412 Safe and Well visits.')).toEqual(['Events delivered']);
    expect(metricOf('The toolkit page had 5,000 visits and 1,200 website visits.')).toEqual(['Page views', 'Page views']);
    // A new measure's name stops before a verb joined by "and".
    expect(extractFigures('We fitted 3,150 smoke alarms and referred 418 residents.', { reportDate: '2023-07-13', reference: TEST_REFERENCE }).map((p) => p.counted)).toEqual(['smoke alarms', 'residents']);
    expect(extractFigures('We helped 250 families and aim to support 400 more.', { reportDate: '2023-07-13', reference: TEST_REFERENCE })[0]?.counted).toBe('families');
    // Who applied is counted with the applications, not as councils supported.
    expect(extractFigures('We received 49 applications from 40 councils.', { reportDate: '2023-01-24', reference: TEST_REFERENCE }).map((p) => p.metric)).toEqual(['Applications', 'Applications']);
  });

  it('reads a headline’s lower-case number word as a count ("LGA announces nine Digital Pathfinders councils")', () => {
    const found = extractFigures(['LGA announces nine Digital Pathfinders councils', '', 'The councils will share £1.2m.'].join('\n'), { reportDate: '2021-11-24', reference: TEST_REFERENCE });
    // (Read as a sentence, not passed over as a heading: what it counts is judged as any sentence's.)
    expect(found.map((p) => p.value)).toContain(9);
    expect(extractFigures(['One Public Estate update', '', 'The programme funded 40 projects.'].join('\n'), { reportDate: '2021-11-24', reference: TEST_REFERENCE }).map((p) => p.value)).toEqual([40]);
  });

  it('takes no programme from a page’s particulars ("Published: 12 March 2024")', () => {
    const found = extractFigures(['Warm spaces help residents', '', 'Published: 12 March 2024', '', 'More than 2,300 residents used the warm spaces.'].join('\n'), { reportDate: '2024-03-12', reference: TEST_REFERENCE });
    expect(found.find((p) => p.value === 2300)).toMatchObject({ likelyContext: false, programme: null, proposedProgramme: null });
  });

  it('ends no range at a year’s end, and reads an ISO date as a date ("2021/22 to 71", "2025-07-30")', () => {
    const read = (text: string) => extractFigures(text, { reportDate: '2024-07-15', reference: TEST_REFERENCE }).map((p) => p.value);
    expect(read('Our finance support has grown from 25 councils in 2021/22 to 71 this year.')).toEqual([25, 71]);
    expect(read('date 2024-07-12 The programme trained 40 officers.')).toEqual([40]);
  });

  it('dates a report known only by its month by the day it names ("Thursday 13 October 2022"), not by a figure’s cut-off', () => {
    const end = (text: string) => extractFigures(text, { reportDate: '2022-10-31', datePrecision: 'month', reference: TEST_REFERENCE }).map((p) => [p.value, p.periodEnd, p.datePrecision]);
    expect(end('Growth advisers show and tell webinar – Thursday 13 October 2022\n\nAlmost 140 people attended the webinar.')).toEqual([[140, '2022-10-13', 'day']]);
    expect(end('Who took part\n\nOn Friday 14th October 2022 we published our report.\n\nOver 1,800 people shared their views.')).toEqual([[1800, '2022-10-14', 'day']]);
    // A figure's own date is not the report's.
    expect(end('Peer support update\n\nWe ran 12 webinars.\n\nAs of week ending 7 October 2022, 192 councils have taken part.')).toEqual([
      [12, '2022-10-31', 'month'],
      [192, '2022-10-07', 'day'],
    ]);
  });

  it('reads a number on to the day after it ("the current number … was 145 as at 14 December 2018")', () => {
    const found = extractFigures('Apprenticeships\n\nIt was noted that the current number of apprentices employed by the Council was 145 as at 14 December 2018.', { reportDate: '2019-01-08', reference: TEST_REFERENCE });
    expect(found.find((p) => p.value === 145)).toMatchObject({ basis: 'cumulative', periodEnd: '2018-12-14' });
  });

  it('dates money for a year after the report in that year ("a further £34 million … in 2019-20", March 2019)', () => {
    const found = extractFigures('Rough sleeping\n\nWe are providing a further £34 million to these councils in 2019-20.', { reportDate: '2019-03-25', reference: TEST_REFERENCE });
    expect(found.find((p) => p.value === 34_000_000)).toMatchObject({ basis: 'period', periodStart: '2019-04-01', periodEnd: '2020-03-31' });
  });

  it('dates a school holiday named by its feast ("Over Easter 2024", "over the Christmas holidays")', () => {
    const end = (text: string) => extractFigures(`Holiday clubs\n\n${text}`, { reportDate: '2024-12-31', reference: TEST_REFERENCE }).map((p) => [p.value, p.periodEnd]);
    expect(end('Over Easter 2024, over 377,000 children attended the programme.')).toEqual([[377_000, '2024-04-30']]);
    expect(end('Over the Christmas holidays, 5,000 children attended the clubs.')).toEqual([[5000, '2024-12-31']]);
    expect(extractFigures('Holiday clubs\n\nOver Easter, 2,100 children attended the clubs.', { reportDate: '2024-09-30', reference: TEST_REFERENCE })[0]).toMatchObject({ periodStart: '2024-04-01', periodEnd: '2024-04-30' });
  });

  it('reads a year-like number that counts as a count ("a total of 2005 attendances", "2019 residents")', () => {
    const found = extractFigures('Food and Fun\n\nThis summer has seen a total of 2005 attendances, with 4010 breakfasts served. In 2019 we began; 2019 residents took part.', { reportDate: '2022-08-31', reference: TEST_REFERENCE });
    expect(found.filter((p) => !p.likelyContext).map((p) => [p.value, p.periodEnd])).toEqual([
      [2005, '2022-08-31'],
      [4010, '2022-08-31'],
      [2019, '2022-08-31'],
    ]);
  });

  it('dates "yesterday" the day before the report', () => {
    const found = extractFigures('Community fund\n\nThe final figure was achieved at an awards event held yesterday evening, where 33 groups received £176,272.', { reportDate: '2021-03-01', reference: TEST_REFERENCE });
    expect(found.map((p) => [p.value, p.periodEnd])).toEqual([
      [33, '2021-02-28'],
      [176_272, '2021-02-28'],
    ]);
  });

  it('proposes what a government fund shared out, and to how many, but not the national package (the rules)', () => {
    const ticked = (text: string) => extractFigures(`Funding news\n\n${text}`, { reportDate: '2023-10-09', reference: TEST_REFERENCE, rulesOnly: true }).filter((p) => !p.likelyContext).map((p) => p.value);
    expect(ticked('The Government has announced the latest round of towns deals, which will see 26 towns across England share over £600m.')).toEqual([26, 600_000_000]);
    expect(ticked('The department announced that £60m has been awarded under the Brownfield Land Release Fund to 95 regeneration projects.')).toEqual([60_000_000, 95]);
    expect(ticked('The Government announced £2.4 billion for councils, shared by 300 councils.')).toEqual([]);
    expect(ticked('The Government is providing £600m of funding for councils this year.')).toEqual([]);
  });

  it('reads a list item that says only where or by whom as counting what the items before it counted', () => {
    const text = ['Apprenticeships', '', 'Apprenticeships generated by boroughs include:', '', '• 1,772 apprentices created internally by councils', '', '• 510 in maintained schools', '', '• 838 by businesses that boroughs work with', '', 'The service also reopened its library.', '', '• 40 in the pipeline'].join('\n');
    const found = extractFigures(text, { reportDate: '2020-06-30', reference: TEST_REFERENCE });
    expect(found.filter((p) => p.value !== 40).map((p) => [p.value, p.counted, p.likelyContext])).toEqual([
      [1772, 'apprentices', false],
      [510, 'apprentices', false],
      [838, 'apprentices', false],
    ]);
    // (A list after another paragraph borrows nothing: the rules find no measure for it. Whether
    // it is then set apart is the reader's to weigh, and moves with its training.)
    expect(found.find((p) => p.value === 40)).toMatchObject({ counted: '' });
    expect(extractFigures(text, { reportDate: '2020-06-30', reference: TEST_REFERENCE, rulesOnly: true }).find((p) => p.value === 40)).toMatchObject({ likelyContext: true, contextReason: 'no measure named' });
  });

  it('proposes what a named fund gives out, whoever is said to receive it, but not each taker’s rate', () => {
    const ticked = (text: string) => extractFigures(`Libraries fund\n\n${text}`, { reportDate: '2023-03-31', reference: TEST_REFERENCE }).filter((p) => !p.likelyContext).map((p) => p.value);
    expect(ticked('The Department for Culture, Media and Sport has announced a further £4.9m from the Libraries Improvement Fund for 27 library services.')).toEqual([4_900_000, 27]);
    expect(ticked('Among this round’s recipients is Essex County Council, which will receive £337,500 to install a learning space.')).toEqual([337_500]);
    expect(ticked('Greater Manchester will receive £78,236,986 from the Public Sector Decarbonisation Scheme to decarbonise 15 public bodies.')).toContain(78_236_986);
    // Not a payment's rate, nor money a council was given with no fund speaking for it.
    expect(ticked('Pensioners may receive other support through the Energy Support Scheme (£400) and the Council Tax Rebate (£150).')).toEqual([]);
    // (Money a council was given, to the rules; since the reader learned batches CA–CH it proposes
    // this lone sentence — decision 0007.)
    const byRules = (text: string) => extractFigures(`Libraries fund\n\n${text}`, { reportDate: '2023-03-31', reference: TEST_REFERENCE, rulesOnly: true }).filter((p) => !p.likelyContext).map((p) => p.value);
    expect(byRules('The council received £2m from the government for its libraries.')).toEqual([]);
  });

  it('sets apart section numbers, a count’s rise, a poll of the public and a count per head; keeps hours given and a round’s count', () => {
    const ticked = (text: string) => extractFigures(`Update\n\n${text}`, { reportDate: '2023-03-31', reference: TEST_REFERENCE }).filter((p) => !p.likelyContext).map((p) => p.value);
    expect(ticked('That Cabinet approve the criteria as set out at sections 2.3 and 2.4 of the report.')).toEqual([]);
    expect(ticked('Councils have a record of nurturing talent, with apprentice numbers up 10,000.')).toEqual([]);
    expect(ticked('The service signed up 400 residents.')).toEqual([400]);
    expect(ticked('Our recent polling shows that 71 per cent of residents trust their council.')).toEqual([]);
    expect(ticked('We did this despite the headcount of the sector falling by 8 per cent.')).toEqual([]);
    expect(ticked('That translates as just over 17 new firms per 10,000 head of population.')).toEqual([]);
    expect(ticked('There had been 468 volunteer hours pledged to befriend others. 83 hours of staff time had been used for calls.')).toEqual([468, 83]);
    expect(ticked('In the first round 25 library services received a total of £5m.')).toContain(25);
  });

  it('proposes benefits claimed and debt managed for residents, money given to businesses and allocated through a programme', () => {
    const ticked = (text: string) => extractFigures(`Update\n\n${text}`, { reportDate: '2021-03-15', reference: TEST_REFERENCE }).filter((p) => !p.likelyContext).map((p) => p.value);
    expect(ticked('This had resulted in an additional £37,580 of benefit being claimed and £18,000 of debt being managed.')).toEqual([37_580, 18_000]);
    expect(ticked('£199,770.36 of additional benefit claims had also been supported.')).toEqual([199_770.36]);
    expect(ticked('Thousands of small businesses have been given almost £28m in grants.')).toEqual([28_000_000]);
    expect(ticked('£107 million allocated through the single homelessness accommodation programme.')).toEqual([107_000_000]);
    // (A council given money is still money it received, to the rules; the reader, weighing the
    // words, proposes this lone sentence — decision 0007.)
    const byRules = (text: string) => extractFigures(`Update\n\n${text}`, { reportDate: '2021-03-15', reference: TEST_REFERENCE, rulesOnly: true }).filter((p) => !p.likelyContext).map((p) => p.value);
    expect(byRules('The council has been given £2m by the department.')).toEqual([]);
  });

  it('reads calls a service answered as enquiries handled, and calls it made as a measure of their own', () => {
    const metric = (text: string) => extractFigures(`Support\n\n${text}`, { reportDate: '2023-12-31', reference: TEST_REFERENCE }).map((p) => [p.value, p.metric, p.proposedMetric]);
    const enquiries = TEST_REFERENCE.metrics.find((m) => m.slug === 'enquiries-handled')!.name;
    expect(metric('The Covid line handled a total of 28,500 calls.')).toEqual([[28_500, enquiries, null]]);
    expect(metric('Over 7,000 befriending calls were made by the Library Service.')).toEqual([[7000, null, 'Befriending calls']]);
    expect(metric('Staff made 3,000 calls to isolated residents.')).toEqual([[3000, null, 'Calls']]);
  });

  it('reads referrals as a measure of their own, not enquiries handled', () => {
    const found = extractFigures('Safe and Well\n\nThere were 782 falls team referrals. We answered 420 enquiries.', { reportDate: '2018-03-31', reference: TEST_REFERENCE });
    expect(found.map((p) => [p.value, p.metric, p.proposedMetric])).toEqual([
      [782, null, 'Falls team referrals'],
      [420, 'Enquiries handled', null],
    ]);
  });

  it('reads those a fund gave money to as projects funded, not what the money is for', () => {
    const metric = (text: string) => extractFigures(`Funding\n\n${text}`, { reportDate: '2023-03-31', reference: TEST_REFERENCE }).filter((p) => p.unit === 'count').map((p) => [p.value, p.metric]);
    expect(metric('In the first round 25 library services received a total of £5m.')).toEqual([[25, 'Projects funded']]);
    expect(metric('The latest round will see 26 towns across England share over £600m.')).toEqual([[26, 'Projects funded']]);
    expect(metric('Members were advised of the 12 interventions that had been funded.')).toEqual([[12, 'Projects funded']]);
    expect(metric('Greater Manchester will receive £78m from the scheme to decarbonise 15 public bodies.')).toEqual([[15, 'Networks and organisations engaged']]);
    // However the giving is said: paid to, given financial help, invested in, provided to, benefited from.
    expect(metric('The council has made payments to 233 small and micro-businesses under the scheme.')).toEqual([[233, 'Projects funded']]);
    expect(metric('The fund has given financial help to more than 500 local groups.')).toEqual([[500, 'Projects funded']]);
    expect(metric('The scheme saw £500,000 invested in 30 community-led organisations.')).toEqual([[30, 'Projects funded']]);
    expect(metric('Over £80,000 was also provided to 24 organisations from the fund.')).toEqual([[24, 'Projects funded']]);
    expect(metric('Some 30 companies have now benefitted from £339,000 of funding through the grant.')).toEqual([[30, 'Projects funded']]);
    expect(metric('A further 13 businesses have been allocated grants.')).toEqual([[13, 'Projects funded']]);
    // (Things handed out are not money: "600 devices distributed to 85 charities" funds no charity.)
    expect(metric('The pilot saw over 600 devices distributed to 85 charities.').find((m) => m[0] === 85)![1]).not.toBe('Projects funded');
  });

  it('reads a season naming a thing as no date ("winter warmth advice"), but "during the winter" as one', () => {
    const end = (text: string) => extractFigures(`Safe and Well\n\n${text}`, { reportDate: '2018-05-31', reference: TEST_REFERENCE }).map((p) => p.periodEnd);
    expect(end('Crews give advice on falls and winter warmth safety. They made 782 referrals.')).toEqual(['2018-05-31']);
    expect(end('During the winter, crews made 782 referrals.')).toEqual(['2018-02-28']);
    // A season in a name in capitals is no date, whatever leads it in; "Over the Summer" still is.
    const endIn2023 = (text: string) => extractFigures(`Libraries\n\n${text}`, { reportDate: '2023-12-31', reference: TEST_REFERENCE }).map((p) => p.periodEnd);
    expect(endIn2023('We reached 699,208 children through the Summer Reading Challenge in 2023!')).toEqual(['2023-12-31']);
    expect(endIn2023('Over the Summer 300 children took part.')).toEqual(['2023-08-31']);
  });

  it('carries an "as at" date to the undated counts after it, until a blank line, a list item or a new period', () => {
    const read = (text: string) => extractFigures(text, { reportDate: '2019-01-08', reference: TEST_REFERENCE }).map((p) => [p.value, p.basis, p.periodEnd]);
    expect(read('Apprentices\n\nThe number of apprentices was 145 as at 14 December 2018. 129 apprentices were employed by the Council, with 24 new recruits.')).toEqual([
      [145, 'cumulative', '2018-12-14'],
      [129, 'cumulative', '2018-12-14'],
      [24, 'cumulative', '2018-12-14'],
    ]);
    expect(read('Safe and Well\nThe latest figures show that 47,768 visits had been carried out by the end of November 2018.\nThere were 782 falls team referrals.\n\nThere were 40 other referrals.')).toEqual([
      [47_768, 'cumulative', '2018-11-30'],
      [782, 'cumulative', '2018-11-30'],
      [40, 'period', '2019-01-08'],
    ]);
  });

  it('reads "since the summer of 2020" as a running total to the report, as "since April 2020" is', () => {
    const read = (text: string) => extractFigures(`Device library\n\n${text}`, { reportDate: '2021-07-31', datePrecision: 'month', reference: TEST_REFERENCE }).map((p) => [p.value, p.basis, p.periodEnd]);
    expect(read('Since the summer of 2020 the library has lent 302 devices.')).toEqual([[302, 'cumulative', '2021-07-31']]);
    expect(read('Since the spring of 2020, 302 devices were lent.')).toEqual([[302, 'cumulative', '2021-07-31']]);
  });

  it('reads a breakdown in the sentence after a total ("This breaks down to …", "Of these, …") as and when the total stands', () => {
    const read = (text: string) => extractFigures(`Device library\n\n${text}`, { reportDate: '2021-07-31', datePrecision: 'month', reference: TEST_REFERENCE }).map((p) => [p.value, p.basis, p.periodEnd]);
    expect(read('Since the summer of 2020 the library has lent 302 devices. This breaks down to 110 laptops and 84 tablets.')).toEqual([
      [302, 'cumulative', '2021-07-31'],
      [110, 'cumulative', '2021-07-31'],
      [84, 'cumulative', '2021-07-31'],
    ]);
    expect(read('So far 1,300 households have signed up. Of these, 900 have had a home energy check.').map((p) => p[1])).toEqual(['cumulative', 'cumulative']);
    // (A part with a date of its own keeps it.)
    expect(read('So far 1,300 households have signed up. Of these, 200 signed up in June 2021.')[1]).toEqual([200, 'period', '2021-06-30']);
  });

  it('stamps the lines under a lead-in "correct as of Oct 28:" with its date, through a title, until a blank line', () => {
    const read = (text: string) => extractFigures(text, { reportDate: '2020-10-31', datePrecision: 'month', reference: TEST_REFERENCE }).map((p) => [p.value, p.basis, p.periodEnd]);
    const found = read('Housing First\n\nPlease see a breakdown of the state of the pilot (correct as of Oct 28):\nKey Indicators\nPeople on the programme 264\nPeople housed - cumulative 149\n\nWe held 12 workshops for landlords.');
    expect(found.slice(0, 2)).toEqual([
      [264, 'cumulative', '2020-10-28'],
      [149, 'cumulative', '2020-10-28'],
    ]);
    // (After the blank line, a count is no longer the lead-in's running total.)
    expect(found[2]!.slice(0, 2)).toEqual([12, 'period']);
  });

  it('reads a fund’s award announced as made now, and what the money is for as the plan', () => {
    const basis = (text: string) => extractFigures(`Funding\n\n${text}`, { reportDate: '2021-03-17', reference: TEST_REFERENCE }).map((p) => [p.value, p.basis]);
    expect(basis('Leicester City Council will get £24,253,008 from the scheme to upgrade 93 buildings.')).toEqual([
      [24_253_008, 'period'],
      [93, 'planned'],
    ]);
    expect(basis('The latest round will see 26 towns across England share over £600m.')).toEqual([
      [26, 'period'],
      [600_000_000, 'period'],
    ]);
    // Not what someone will share that is not money, nor what a committee is asked to approve.
    expect(basis('Over a series of nine sessions, councillors will share their advice.')).toEqual([[9, 'planned']]);
    expect(basis('Grants were proposed to be supported in 2021/22 to provide funding towards three projects.')).toEqual([[3, 'planned']]);
  });

  it('reads what a round or phase did as a count within it, not a running total', () => {
    const basis = (text: string) => extractFigures(`Funding\n\n${text}`, { reportDate: '2023-03-31', reference: TEST_REFERENCE }).filter((p) => !p.likelyContext).map((p) => [p.value, p.basis]);
    expect(basis('Round two saw 50 projects awarded a total of £18.4 million.')).toEqual([
      [50, 'period'],
      [18_400_000, 'period'],
    ]);
    expect(basis('In its latest phase of the programme, the LGA has provided eight councils with grants.')).toEqual([[8, 'period']]);
    // (Without a round, a news item's undated total stands as a running total.)
    expect(basis('The programme has supported a total of 50 projects.')).toEqual([[50, 'cumulative']]);
  });

  it('reads a count over years, through lockdown or since then as a running total, not a relative clause’s', () => {
    const basis = (text: string) => extractFigures(`Update\n\n${text}`, { reportDate: '2021-03-31', reference: TEST_REFERENCE }).filter((p) => !p.likelyContext).map((p) => [p.value, p.basis]);
    expect(basis('Over the 3 years we ran 874 courses.')).toEqual([[874, 'cumulative']]);
    expect(basis('During the crisis we shared £130m in grants with businesses.')).toEqual([[130_000_000, 'cumulative']]);
    expect(basis('Since then 21 grant rounds have been run.')).toEqual([[21, 'cumulative']]);
    expect(basis('This adds to 1,230 homes funded through the previous rounds.')).toEqual([[1230, 'cumulative']]);
    expect(basis('We can tell you that during COVID we delivered over 100,000 meals to vulnerable residents.')).toEqual([[100_000, 'cumulative']]);
    expect(basis('Since opening there had been nearly 2500 visits to the Warm Hubs.')).toEqual([[2500, 'cumulative']]);
    expect(basis('We supported a new Leader who took on the role during the pandemic, and seconded staff to 12 councils.')).toEqual([[12, 'period']]);
  });

  it('sets apart incidents a service met, how a plan is made up, what something cost and a budget', () => {
    const ticked = (text: string) => extractFigures(`Update\n\n${text}`, { reportDate: '2023-03-31', reference: TEST_REFERENCE }).filter((p) => !p.likelyContext).map((p) => p.value);
    expect(ticked('The Service attended 2,314 false alarms during the year.')).toEqual([]);
    expect(extractFigures('Update\n\nThe Transformation Plan comprised seven programmes and 23 projects.', { reportDate: '2023-03-31', reference: TEST_REFERENCE, rulesOnly: true }).filter((p) => !p.likelyContext).map((p) => p.value)).toEqual([]);
    expect(ticked('The officer confirmed that the cost of the project was £79,048.')).toEqual([]);
    expect(ticked('The council had plans in place to deliver £11m savings towards a £14m budget gap.')).toEqual([]);
    expect(ticked('The programme delivered £2m savings for the council.')).toEqual([2_000_000]);
    // (The rules propose the 7%; the reader, retrained with each batch, is judged on the corpus.)
    const byRules = extractFigures('Update\n\nA further 7% were on track. Three of the actions were delayed and nine would not be met within the target date.', { reportDate: '2023-03-31', reference: TEST_REFERENCE, rulesOnly: true });
    expect(byRules.filter((p) => !p.likelyContext).map((p) => p.value)).toEqual([7]);
    expect(ticked('12 projects were delayed.')).toEqual([]);
    // (What a service delivered at them still counts.)
    expect(ticked('Crews completed 8,412 Safe and Well visits.')).toEqual([8412]);
  });

  it('sets apart what an economy is estimated to gain and an illustrative equivalent', () => {
    const ticked = (text: string) => extractFigures(`Update\n\n${text}`, { reportDate: '2023-03-31', reference: TEST_REFERENCE }).filter((p) => !p.likelyContext).map((p) => p.value);
    expect(ticked('The funded events drew in 300,000 attendees, generating an estimated £19 million for the local economy.')).toEqual([300_000]);
    expect(ticked('The fund enabled businesses to save enough energy to make 72 million cups of tea.')).toEqual([]);
    expect(ticked('The fund saved businesses £2m on their energy bills.')).toEqual([2_000_000]);
  });

  it('reads "N of our M goals" and "N of M properties" by the whole’s noun; sets apart a subsection "18(3)"', () => {
    const read = (text: string) => extractFigures(`Update\n\n${text}`, { reportDate: '2023-03-31', reference: TEST_REFERENCE }).filter((p) => !p.likelyContext).map((p) => [p.value, p.counted]);
    expect(read('We achieved 32 of our 33 performance goals for the year.')).toEqual([[32, 'performance goals']]);
    expect(read('Officers inspected 96 of 97 properties.')).toEqual([[96, 'properties']]);
    expect(read('Councils are preparing for section 18(3) of the Care Act.')).toEqual([]);
  });

  it('reads a council receiving a sum as the fund’s award where the text speaks for a fund or a department (the rules)', () => {
    const ticked = (title: string, text: string) => extractFigures(`${title}\n\n${text}`, { reportDate: '2024-01-16', reference: TEST_REFERENCE, rulesOnly: true }).filter((p) => !p.likelyContext).map((p) => p.value);
    const sentence = 'Nottingham City Council received over £400,000 and Bristol City Council over £300,000.';
    expect(ticked('date 2024-01-16 Department for Levelling Up, Housing & Communities', sentence)).toEqual([400_000, 300_000]);
    expect(ticked('Council budget update', sentence)).toEqual([]);
    // (Not what each may receive.)
    expect(ticked('Cultural Development Fund: round four', 'Thirty-nine projects will each receive between £750,000 and £1m.')).toEqual([39]);
  });

  it('reads a sum split by a space, old years, "2020 to 2021 financial year", and the year of a rise “on” a year', () => {
    const read = (text: string, reportDate = '2021-06-30') => extractFigures(`Update\n\n${text}`, { reportDate, reference: TEST_REFERENCE }).filter((p) => !p.likelyContext).map((p) => [p.value, p.periodEnd]);
    expect(read('The team successfully secured £204, 403 to provide holiday clubs.')).toEqual([[204_403, '2021-06-30']]);
    expect(read('Much of the retail stock was built before 1919.')).toEqual([]);
    expect(read('The service dealt with 8,196 referrals in 2020 to 2021 financial year.')).toEqual([[8196, '2021-03-31']]);
    expect(read('The service has made 8,000 referrals, a 70% increase on the number in 2019/20.')).toEqual([[8000, '2021-06-30']]);
  });

  it('sets apart the top of an age range, an eligible population and a prevalence', () => {
    const ticked = (text: string) => extractFigures(`Update\n\n${text}`, { reportDate: '2023-07-19', reference: TEST_REFERENCE }).filter((p) => !p.likelyContext).map((p) => p.value);
    expect(ticked('The scheme is open to young people aged five to 16 who are eligible.')).toEqual([]);
    expect(ticked('In total there are 7200 children who are eligible for free school meals.')).toEqual([]);
    expect(ticked('Smoking rates halved, with adult smoking prevalence across the region falling from 26% to 13%.')).toEqual([]);
  });

  it('reads what received funding, or was issued grants, as projects funded, but not people paid', () => {
    const metric = (text: string) => extractFigures(`Funding\n\n${text}`, { reportDate: '2024-03-26', reference: TEST_REFERENCE }).filter((p) => p.unit === 'count').map((p) => [p.value, p.metric]);
    expect(metric('196 facilities received funding.')).toEqual([[196, 'Projects funded']]);
    expect(metric('Eco grants had been issued to 79 businesses.')).toEqual([[79, 'Projects funded']]);
    expect(metric('£60.5 million of funding has been announced to support 325 swimming pools.')).toEqual([[325, 'Projects funded']]);
    expect(metric('Under the scheme, 21,906 residents received a payment of £150.')).not.toContainEqual([21_906, 'Projects funded']);
  });

  it('proposes money announced to support so many, money that went to them, and what each received where the government speaks (the rules)', () => {
    const ticked = (title: string, text: string) => extractFigures(`${title}\n\n${text}`, { reportDate: '2024-03-26', reference: TEST_REFERENCE, rulesOnly: true }).filter((p) => !p.likelyContext).map((p) => p.value);
    expect(ticked('Pools update', '£60.5 million of funding has been announced to support 325 swimming pools.')).toEqual([60_500_000, 325]);
    expect(ticked('Pools update', 'The first £20 million of funding from the Fund went to swimming pools at risk of closure.')).toEqual([20_000_000]);
    const received = 'The Pulse in Stroud has received almost £300,000 to refurbish its entrance.';
    expect(ticked('Government announces funding allocation to support swimming pools', received)).toEqual([300_000]);
    expect(ticked('Leisure centre news', received)).toEqual([]);
  });

  it('counts to the report "since the fund was announced", and dates a rise "in the numbers from" a year as that year’s', () => {
    const read = (text: string) => extractFigures(`Update\n\n${text}`, { reportDate: '2024-03-26', reference: TEST_REFERENCE }).filter((p) => !p.likelyContext).map((p) => [p.value, p.basis, p.periodEnd]);
    expect(read("Since the fund was announced in last year's budget, 442 swimming pools will have benefited.")).toEqual([[442, 'cumulative', '2024-03-26']]);
    expect(read('We made over 8000 referrals, a 70% increase in the numbers from 2022/23.')).toContainEqual([8000, 'period', '2024-03-26']);
  });

  it('dates a clause by brackets after it that hold only a date ("(since June 2019)")', () => {
    const read = (text: string) => extractFigures(`Update\n\n${text}`, { reportDate: '2020-03-31', datePrecision: 'month', reference: TEST_REFERENCE }).map((p) => [p.value, p.basis, p.periodStart, p.periodEnd]);
    expect(read('2817 people engaged with us; there were 4800 visits to our website (since June 2019).')).toEqual([
      [2817, 'period', null, '2020-03-31'],
      [4800, 'cumulative', null, '2020-03-31'],
    ]);
    expect(read('We supported 12 councils (2018/19).')).toEqual([[12, 'period', '2018-04-01', '2019-03-31']]);
    // (Not across another number: the bracket is the nearer number's.)
    expect(read('We held 9 events and reached 400 people (since June 2019).')).toContainEqual([9, 'period', null, '2020-03-31']);
  });

  it('reads each of a list that "we have" opens as who is in a service now', () => {
    const basis = (text: string) => extractFigures(`Update\n\n${text}`, { reportDate: '2024-03-31', datePrecision: 'month', reference: TEST_REFERENCE }).map((p) => [p.value, p.basis]);
    expect(basis('We have 217 people receiving Day Care, 324 people receiving a Direct Payment and 161 people in Supported Living.')).toEqual([
      [217, 'cumulative'],
      [324, 'cumulative'],
      [161, 'cumulative'],
    ]);
    expect(basis('We have held 30 events and 40 webinars.')).toEqual([
      [30, 'period'],
      [40, 'period'],
    ]);
  });

  it('reads a headline that counts a quoted name ("back twenty ‘Kickstart’ posts") as a sentence, not a heading', () => {
    const found = extractFigures('Council moves to back twenty ‘Kickstart’ posts for young people\nDate: 22 June 2021\n', { reportDate: '2021-06-22', reference: TEST_REFERENCE });
    expect(found.map((p) => [p.line, p.value, p.counted])).toEqual([[1, 20, 'posts']]);
  });

  it('does not count a breakdown of buildings as money ("£24m to upgrade 93 buildings including 56 schools")', () => {
    const metric = (text: string) => extractFigures(`Update\n\n${text}`, { reportDate: '2021-03-17', reference: TEST_REFERENCE }).map((p) => [p.value, p.unit, p.metric ?? p.proposedMetric]);
    expect(metric('Leicester City Council will get £24,253,008 to upgrade 93 buildings including 56 schools.')).toEqual([
      [24_253_008, 'GBP', TEST_REFERENCE.metrics.find((m) => m.slug === 'money-awarded')!.name],
      [93, 'count', 'Buildings'],
      [56, 'count', 'Schools'],
    ]);
  });

  it('reads the numbers of what money is given to do as planned, not those who get it', () => {
    const basis = (text: string) => extractFigures(`Update\n\n${text}`, { reportDate: '2021-03-17', reference: TEST_REFERENCE }).filter((p) => p.unit === 'count').map((p) => [p.value, p.basis]);
    expect(basis('Agreed £2.9m to develop employment sites in Rotherham, to create more than 1000 new jobs.')).toEqual([[1000, 'planned']]);
    expect(basis('Over £105,000 grant funding had been secured to create a 14,300 tree woodland.')).toEqual([[14_300, 'planned']]);
    expect(basis('We are providing a further £34 million to these 83 areas.')).toEqual([[83, 'period']]);
    expect(basis('£60.5 million of funding has been announced to support 325 swimming pools.')).toEqual([[325, 'period']]);
  });

  it('sets apart the doubts a survey found, and keeps what people said the help did for them', () => {
    const why = (text: string) => whyIn(text, '2020-06-25');
    expect(why('Nearly half (46%) of council chief executives said they were doubtful over their ability to recover their local economies.')).toEqual([
      [50, 'an outside statistic'],
      [46, 'an outside statistic'],
    ]);
    expect(why('More than three quarters (77%) said they were ‘unsatisfied’ about the level of funding.')).toEqual([
      [75, 'an outside statistic'],
      [77, 'an outside statistic'],
    ]);
    expect(why('A recent survey found that 95 per cent of respondents were satisfied with the programme.')).toEqual([[95, 'ticked']]);
  });

  it('reads a council’s area or team as the council, and visits carried out as events', () => {
    const metric = (text: string) => extractFigures(`Update\n\n${text}`, { reportDate: '2023-03-31', reference: TEST_REFERENCE }).map((p) => [p.value, p.metric]);
    expect(metric('The scheme covers 40 local authority areas.')).toEqual([[40, 'Councils supported']]);
    expect(metric('We worked with 117 LPAs on their backlogs.')).toEqual([[117, 'Councils supported']]);
    expect(metric('The hub works with each of the 12 local authority fostering teams.')).toEqual([[12, 'Councils supported']]);
    // (An area awarded money is funded, as a council awarded money is.)
    expect(metric('Eight local authority areas were awarded funding.')).toEqual([[8, 'Projects funded']]);
    expect(metric('Officers have carried out 472 visits to schools.')).toEqual([[472, 'Events delivered']]);
    // (A website's visits are its page views still.)
    expect(metric('The website had 472 visits.')).toEqual([[472, 'Page views']]);
    // Councils as employers are councils; a town's employers are not.
    expect(metric('We gave HR advice to 14 local government employers.')).toEqual([[14, 'Councils supported']]);
    expect(metric('So far, 45 employers want to offer roles.')[0]![1]).not.toBe('Councils supported');
  });

  it('reads people a programme reached as people supported, not as an event’s attendees', () => {
    const metric = (text: string) => extractFigures(`Update\n\n${text}`, { reportDate: '2023-03-31', reference: TEST_REFERENCE }).map((p) => [p.value, p.metric]);
    const supported = TEST_REFERENCE.metrics.find((m) => m.slug === 'people-supported')!.name;
    expect(metric('The partnership has now reached a total of 114,000 young people.')).toEqual([[114_000, supported]]);
    expect(metric('We heard the stories of 525 people.')).toEqual([[525, supported]]);
    // (Those who came to an event are its attendees, however they are counted.)
    expect(metric('The webinar reached 300 delegates.')).toEqual([[300, 'Attendees']]);
    expect(metric('Over 200 people attended the event.')).toEqual([[200, 'Attendees']]);
  });

  it('reads engagements with councils as councils supported, and social media engagements as a measure to name', () => {
    const councils = TEST_REFERENCE.metrics.find((m) => m.slug === 'councils-supported')!.name;
    const metric = (text: string) => extractFigures(`Update\n\n${text}`, { reportDate: '2024-05-12', reference: TEST_REFERENCE }).map((p) => [p.value, p.metric ?? p.proposedMetric]);
    expect(metric('The team held 140 engagements with individual councils.')).toEqual([[140, councils]]);
    expect(metric('Our Facebook posts had 9,856 engagements.')).toEqual([[9856, 'Engagements']]);
  });

  it('gives a count that names nothing what its sentence named, a measure of the dashboard or a new one', () => {
    const events = TEST_REFERENCE.metrics.find((m) => m.slug === 'events-delivered')!.name;
    const read = (text: string) => extractFigures(`Update\n\n${text}`, { reportDate: '2024-10-01', reference: TEST_REFERENCE }).map((p) => [p.value, p.metric ?? p.proposedMetric]);
    // The subject "the number of …" says what the numbers after its verb count.
    expect(read('The number of reading events also saw a growth of 52%, expanding from 330 in 2023 to over 500 this year.')).toEqual([
      [52, 'Percentage'],
      [330, events],
      [500, events],
    ]);
    // A count before it in the sentence, though none of the dashboard's measures.
    expect(read('The scheme was most popular in Wirral, with 444 installations, followed by Liverpool with 254 and Sefton with 207.')).toEqual([
      [444, 'Installations'],
      [254, 'Installations'],
      [207, 'Installations'],
    ]);
    expect(read('So far 150 homes have been retrofitted, and work is due to start on 400 more later this year.')).toContainEqual([400, 'Homes']);
  });

  it('reads people who took part, participated or attended, even after a bracket, as attendees, and people on courses as trained', () => {
    const attendees = TEST_REFERENCE.metrics.find((m) => m.slug === 'attendees')!.name;
    const metric = (text: string) => extractFigures(`Update\n\n${text}`, { reportDate: '2024-10-01', reference: TEST_REFERENCE }).map((p) => [p.value, p.metric ?? p.proposedMetric]);
    expect(metric('The rain did not dampen the spirits of the 1008 children that took part.')).toEqual([[1008, attendees]]);
    expect(metric('A total of 93 children (aged 2 – 4 years) attended the Balance Bike Clubs.')).toContainEqual([93, attendees]);
    expect(metric('Over 7,500 children participated in holiday activities during the summer.')).toEqual([[7500, attendees]]);
    expect(metric('2,900 people have taken part in courses to improve their maths.')).not.toContainEqual([2900, attendees]);
  });

  it('counts problems advised on, and a list of their topics, as enquiries handled', () => {
    const enquiries = TEST_REFERENCE.metrics.find((m) => m.slug === 'enquiries-handled')!.name;
    const metric = (text: string) => extractFigures(`Update\n\n${text}`, { reportDate: '2023-03-31', reference: TEST_REFERENCE }).map((p) => [p.value, p.metric ?? p.proposedMetric]);
    expect(metric('We advised 16,881 clients with 65,449 different problems.')).toContainEqual([65_449, enquiries]);
    expect(metric('We advised over 2,920 issues to do with charitable support, 358 education, 2,227 employment and 822 financial services.')).toEqual([
      [2920, enquiries],
      [358, enquiries],
      [2227, enquiries],
      [822, enquiries],
    ]);
    // ("Members were advised that …" is a committee told, not advice given.)
    expect(metric('Members were advised that 12 issues had been raised by residents.')).not.toContainEqual([12, enquiries]);
  });

  it('reads "since our Climate Emergency Declaration in 2019" as a running total, and keeps it to its own number', () => {
    const read = (text: string) => extractFigures(`Update\n\n${text}`, { reportDate: '2024-11-30', reference: TEST_REFERENCE }).map((p) => [p.value, p.basis, p.periodStart, p.periodEnd]);
    expect(read('We have planted 324,647 trees since our Climate Emergency Declaration in 2019, with 115,983 trees planted between 2023-2024.')).toEqual([
      [324_647, 'cumulative', null, '2024-11-30'],
      [115_983, 'period', '2023-04-01', '2024-03-31'],
    ]);
    expect(read('Since April 2020, we trained 40 people, and 12 councils joined.')).toEqual([
      [40, 'cumulative', null, '2024-11-30'],
      [12, 'cumulative', null, '2024-11-30'],
    ]);
  });

  it('reads a department’s initials before the number as no source cited after it', () => {
    const why = (text: string) => whyIn(text, '2022-03-31');
    expect(why('The Department for Levelling Up, Housing and Communities (DLUHC) has allocated over £3.25 million to 28 projects.')).toEqual([
      [3_250_000, 'ticked'],
      [28, 'ticked'],
    ]);
    expect(why('Fire and rescue services attended 153,957 fires (Home Office statistics).')).toContainEqual([153_957, 'an outside statistic']);
  });

  it('reads experiences shared as a figure, and people experiencing homelessness as a population', () => {
    const why = (text: string) => whyIn(text, '2024-12-31');
    expect(why('5417 different experiences shared with Healthwatch Norfolk.')).toEqual([[5417, 'ticked']]);
    expect(why('Nearly 5500 people shared their experiences of health and social care with Healthwatch Norfolk.')).toEqual([[5500, 'ticked']]);
    expect(why('An estimated 3,000 people are experiencing homelessness.')).toEqual([[3000, 'an outside statistic']]);
  });

  it('keeps work measured by what it did ("15km roads resurfaced"), and sets apart sizes and heights', () => {
    const why = (text: string) => whyIn(text, '2024-12-31');
    expect(why('15km roads resurfaced and 7,000 potholes filled.')).toEqual([
      [15, 'ticked'],
      [7000, 'ticked'],
    ]);
    expect(why('Our volunteers left no stone unturned, removing a staggering 1033kg of litter.')).toEqual([[1033, 'ticked']]);
    expect(why('The trees are approximately 60cm high.')).toEqual([[60, 'a measurement']]);
    expect(why('Each SIM card offers 25GB of monthly data.')).toEqual([[25, 'a measurement']]);
    expect(why('The roads are 15km long.')).toEqual([[15, 'a measurement']]);
    // A document's length; its pages viewed are delivery.
    expect(why('The MoU itself was just 2 pages long this year.')).toEqual([[2, 'a measurement']]);
    expect(why('Slides: 21 pages Slide Content')).toEqual([[21, 'a measurement']]);
    expect(why('The guide had 2,000 pages viewed in May.')).toEqual([[2000, 'ticked']]);
  });

  it('sets apart a minute number, a cap on places and an increase of so many', () => {
    const why = (text: string) => whyIn(text, '2024-12-31');
    // "21-070" is minute 70 of 2021, not a range; "20-30 councillors" still is one.
    expect(why('Apologies for Absence 21-070 Cllr A White')).toEqual([
      [21, 'a label or stage'],
      [70, 'a label or stage'],
    ]);
    expect(why('We trained 20-30 councillors.')).toEqual([[20, 'ticked']]);
    expect(why('We are currently capped at 100 places for the live event.')).toEqual([[100, 'a minimum or maximum the offer sets, not something delivered']]);
    expect(why('We will cap registrations at 120 next time.')).toEqual([[120, 'a minimum or maximum the offer sets, not something delivered']]);
    expect(why('We have seen an increase of approximately 28,000 engagements to a total of 48,856.')).toEqual([
      [28000, 'a change, which the dashboard works out itself'],
      [48856, 'ticked'],
    ]);
    expect(why('Followers reached 48,000, an approximate 1,800 increase on 2018-2019.')).toEqual([
      [48000, 'ticked'],
      [1800, 'a change, which the dashboard works out itself'],
    ]);
  });

  it('sets apart a need ("a need for 5,400 foster families"), not those who needed help and got it', () => {
    const why = (text: string) => whyIn(text, '2024-12-31');
    expect(why('Latest figures estimate there is a need for 5,400 foster families in England, which equates to an additional 370 foster families needed in the North East.')).toEqual([
      [5400, 'an outside statistic'],
      [370, 'an outside statistic'],
    ]);
    expect(why('We seconded staff to 2 authorities who needed additional strategic capacity.')).toEqual([[2, 'ticked']]);
  });

  it('sets apart a count of what is yet to happen ("63 councils have yet to have a review")', () => {
    const why = (text: string) => whyIn(text, '2024-12-31');
    expect(why('Some 63 councils have yet to have a corporate peer review.')).toEqual([[63, 'a count of what was not done']]);
    expect(why('The team supported 40 families, and 12 are yet to be housed.')).toEqual([
      [40, 'ticked'],
      [12, 'a count of what was not done'],
    ]);
  });

  it('never gives a count a percentage’s measure ("Benefits 38% (24,274)")', () => {
    const read = (text: string) => extractFigures(`Update\n\n${text}`, { reportDate: '2023-03-31', reference: TEST_REFERENCE }).map((p) => [p.value, p.unit, p.likelyContext ? p.contextReason : (p.metric ?? p.proposedMetric)]);
    const percentage = TEST_REFERENCE.metrics.find((m) => m.slug === 'percentage')!.name;
    expect(read('• Benefits 38% (24,274)')).toEqual([
      [38, 'percent', percentage],
      [24_274, 'count', 'Benefits'],
    ]);
    expect(read('An increase in online transactions of 120%, to 45,000.')).toContainEqual([45_000, 'count', 'Online transactions']);
    expect(read('This equates to 97% of the total number of starts (1,010).')).toContainEqual([1010, 'count', 'the whole that a share is of']);
    expect(read('Initial indications are that approximately 37% (188) of guests are children.')).toContainEqual([188, 'count', 'Guests']);
  });

  it('stands a running total no later than the report ("as of November", written on the 16th)', () => {
    const read = (text: string) => extractFigures(`Update\n\n${text}`, { reportDate: '2021-11-16', datePrecision: 'day', reference: TEST_REFERENCE }).map((p) => [p.value, p.basis, p.periodEnd]);
    expect(read('100,000 meals delivered as of November.')).toEqual([[100_000, 'cumulative', '2021-11-16']]);
    expect(read('100,000 meals delivered as of October.')).toEqual([[100_000, 'cumulative', '2021-10-31']]);
  });

  it('names a new metric without a dangling joining word or list mark', () => {
    expect(newMetricName('impressions and')).toBe('Impressions');
    expect(newMetricName('new residents parking zones ·')).toBe('New residents parking zones');
    expect(newMetricName('‘Kickstart’ posts')).toBe('Kickstart posts');
    expect(newMetricName('and')).toBe('And');
  });

  it('reads "ii)" as a list item and counts what the lead-in says the list counts', () => {
    const text = ['Update', '', 'b) the number of interventions delivered in the relevant period:', 'i) Priority 1, combatting homelessness – 107,739', 'ii) Priority 2, tackling sexual and domestic violence – 623,239'].join('\n');
    const found = extractFigures(text, { reportDate: '2022-07-31', reference: TEST_REFERENCE }).filter((p) => !p.likelyContext);
    expect(found.map((p) => [p.line, p.value, p.counted])).toEqual([
      [4, 107_739, 'interventions'],
      [5, 623_239, 'interventions'],
    ]);
  });

  it('counts submissions or entries to a fund or awards as applications', () => {
    const applications = TEST_REFERENCE.metrics.find((m) => m.slug === 'applications')!.name;
    const metric = (text: string) => extractFigures(`Update\n\n${text}`, { reportDate: '2022-08-31', reference: TEST_REFERENCE }).map((p) => [p.value, p.metric ?? p.proposedMetric]);
    expect(metric('We’ve received 18 submissions for the Fund.')).toEqual([[18, applications]]);
    expect(metric('This year, entries to the awards surpassed 200.')).toEqual([[200, applications]]);
  });

  it('reads a cut in a budget as a change, however it is said', () => {
    const why = (text: string) => whyIn(text, '2023-05-09');
    const change = 'a change, which the dashboard works out itself';
    // A signed per cent, or one "on" an earlier year, beside a count.
    expect(why('635,115 library starters (+4% on 2022)')).toEqual([
      [635_115, 'ticked'],
      [4, change],
    ]);
    expect(why('Visits: 1,200 (-12%)')).toContainEqual([12, change]);
    expect(why('The share rose - 12% of users now log in online.')).toEqual([[12, 'ticked']]);
    expect(why('Oldham and Rochdale have faced real-term council cuts of 29.1 pc and 28.4 pc respectively.')).toEqual([
      [29.1, change],
      [28.4, change],
    ]);
    expect(why('SIGOMA found that the biggest real-term cut to a council in Greater Manchester was nearly 30 pc.')).toEqual([[30, change]]);
    expect(why('95 per cent of delegates rated the event good.')).toEqual([[95, 'ticked']]);
  });

  it('keeps money a programme provided its takers with, and hours volunteers put in', () => {
    const why = (text: string) => whyIn(text, '2021-07-12');
    expect(why('The GULCS London programme has provided boroughs with more than £7 million funding for the delivery of charge points.')).toEqual([[7_000_000, 'ticked']]);
    expect(why('Together these litter heroes put in around 950 hours of picking.')).toEqual([[950, 'ticked']]);
    expect(why('The clean-up ran in 3 hours.')).toEqual([[3, 'a duration']]);
  });

  it('reads "the financial year ending 31 March 2023" and "the 12 months to March 2023" as the whole span', () => {
    const read = (text: string) => extractFigures(`Update\n\n${text}`, { reportDate: '2023-12-31', datePrecision: 'year', reference: TEST_REFERENCE }).filter((p) => !p.likelyContext).map((p) => [p.value, p.basis, p.periodStart, p.periodEnd]);
    expect(read('Over the financial year ending 31 March 2023 we advised 16,881 clients.')).toEqual([[16_881, 'period', '2022-04-01', '2023-03-31']]);
    expect(read('In the year ending 30 June 2022 we trained 40 people.')).toEqual([[40, 'period', '2021-07-01', '2022-06-30']]);
    expect(read('In the 12 months to March 2023 we trained 40 people.')).toEqual([[40, 'period', '2022-04-01', '2023-03-31']]);
    expect(read('In the six months ended 15 September 2022 we trained 40 people.')).toEqual([[40, 'period', '2022-03-16', '2022-09-15']]);
    // (A running total "as of week ending" a day stands at that day.)
    expect(read('As of week ending 19 February 2021, 192 councils have participated.')).toEqual([[192, 'cumulative', null, '2021-02-19']]);
  });

  it('reads "182 council buildings" as buildings, not councils, and "15,000 email communications" as emails', () => {
    const metric = (text: string) => extractFigures(`Update\n\n${text}`, { reportDate: '2021-03-17', reference: TEST_REFERENCE }).filter((p) => p.unit === 'count').map((p) => [p.value, p.metric ?? p.proposedMetric]);
    expect(metric('The grant will upgrade 182 council buildings.')).toEqual([[182, 'Council buildings']]);
    expect(metric('The log handled over 15,000 email communications.')).toEqual([[15_000, 'Emails handled']]);
    expect(metric('We supported 40 councils.')).toEqual([[40, 'Councils supported']]);
  });

  it('reads "has been announced" as decided now, "have made" and "has been paid" as done to date', () => {
    const basis = (text: string) => extractFigures(`Update\n\n${text}`, { reportDate: '2024-03-26', reference: TEST_REFERENCE }).filter((p) => !p.likelyContext).map((p) => [p.value, p.basis]);
    expect(basis('£60.5 million of funding has been announced to support 325 swimming pools.')).toEqual([
      [60_500_000, 'period'],
      [325, 'period'],
    ]);
    expect(basis('Frontline staff have made over 155,000 calls to tenants.')).toEqual([[155_000, 'cumulative']]);
  });

  it('sets apart a body’s own investing, a target "to create" a number, and a name with an acronym before a modal verb', () => {
    const why = (text: string) => whyIn(text, '2022-02-28');
    expect(why('THE Liverpool City Region is investing £68m in adult training.')).toEqual([[68_000_000, "a body's own spending, not money awarded or saved"]]);
    expect(why('• Investing £14m to improve and maintain highways')).toEqual([[14_000_000, "a body's own spending, not money awarded or saved"]]);
    expect(why('The 2022-26 grants programme is investing over £6 million in tackling homelessness.')).toContainEqual([6_000_000, 'ticked']);
    expect(why('The council has invested a total of £319 million in measures to support businesses.')).toEqual([[319_000_000, 'ticked']]);
    expect(why('Hounslow has surpassed its target to create 4,000 additional apprenticeship opportunities.')).toEqual([[4000, 'a target, not something delivered']]);
    expect(why('Councils undertaking an LGA Cyber 360 can expect to gain advice.')).toEqual([[360, 'part of a name']]);
  });

  it('reads a part after its whole ("Of the 1,107 suppliers, 659 are Scottish") and sets apart "less by 100"', () => {
    const read = (text: string) => extractFigures(`Update\n\n${text}`, { reportDate: '2020-12-13', reference: TEST_REFERENCE }).map((p) => [p.value, p.likelyContext ? p.contextReason : p.counted]);
    expect(read('Of the organisation’s 1,107 suppliers, 659 are Scottish.')).toEqual([
      [1107, 'suppliers'],
      [659, 'suppliers'],
    ]);
    expect(read('Out of the 320 peers used to support delivery of the programme, 88 were elected members.')).toContainEqual([88, 'peers']);
    expect(read('Members were advised of the 1,497 learners that had enrolled, less by 100 compared to the previous year.')).toEqual([
      [1497, 'learners'],
      [100, 'a change, which the dashboard works out itself'],
    ]);
  });

  it('drops numbers inside names ("COVID-19", "5G", "PPN 01/21")', () => {
    const found = extractFigures('During COVID-19 we trialled 5G in 14 councils under PPN 01/21.', { reportDate: '2021-03-31', reference: TEST_REFERENCE });
    expect(found.map((p) => p.value)).toEqual([14]);
  });
});

describe('extractFigures: size', () => {
  it('extracts a 50 KB report', () => {
    const paragraph = (i: number) =>
      `${i}. **Tenant Voice Network** – Since September we have held ${i + 3} webinars with more than ${100 + i} participants, and ${i % 40} councils joined on ${1 + (i % 27)} March 2021. A further ${i % 9 + 2} sessions are planned over the next 3 months.`;
    const lines: string[] = ['Tenant Voice Network', ''];
    for (let i = 1; lines.join('\n').length < 50_000; i++) lines.push(paragraph(i));
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThanOrEqual(50_000);
    const found = extractFigures(text, { reportDate: '2021-03-31', reference: TEST_REFERENCE });
    expect(found.filter(ticked).length).toBeGreaterThan(lines.length * 3);
    const textLines = text.split('\n');
    for (const p of found) expect(textLines[p.line - 1]).toContain(p.evidence);
  });
});
