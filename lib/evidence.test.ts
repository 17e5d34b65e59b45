import { expect, it } from 'vitest';
import { plainEvidence } from './evidence';

it('drops markdown emphasis and underline tags but keeps every word and number', () => {
  expect(plainEvidence('Sessions with **36 councils** are planned')).toBe('Sessions with 36 councils are planned');
  expect(plainEvidence('<u>Wellbeing support</u>: a record 10,000 responses')).toBe('Wellbeing support: a record 10,000 responses');
  expect(plainEvidence('which had received **48**, **917 views**')).toBe('which had received 48, 917 views');
});
