// After each test file of the postgres project: its databases closed and dropped (db/testing.ts).
import { afterAll } from 'vitest';
import { dropTestDatabases } from '../testing';

afterAll(() => dropTestDatabases());
