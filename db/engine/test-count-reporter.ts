// Prints how many database tests passed on each engine (vitest.config.mts runs them twice), and
// fails the run when the two counts differ: a test that passes on SQLite and is missing, skipped
// or failing on PostgreSQL is a difference between the engines, not a detail.
import type { Reporter, TestModule } from 'vitest/node';

export default class TestCountReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    // Tests passed, by engine and file; the database test files are those the postgres project ran.
    const passed = new Map<string, number>();
    const databaseFiles = new Set<string>();
    for (const testModule of modules) {
      const engine = testModule.project.name;
      if (engine !== 'sqlite' && engine !== 'postgres') continue;
      if (engine === 'postgres') databaseFiles.add(testModule.moduleId);
      passed.set(`${engine}:${testModule.moduleId}`, [...testModule.children.allTests()].filter((test) => test.result().state === 'passed').length);
    }
    // Only when both engines ran (not `vitest run --project postgres`, nor one file by name).
    if (!databaseFiles.size || ![...databaseFiles].every((file) => passed.has(`sqlite:${file}`))) return;
    const on = (engine: string) => [...databaseFiles].reduce((sum, file) => sum + (passed.get(`${engine}:${file}`) ?? 0), 0);
    const [sqlite, postgres] = [on('sqlite'), on('postgres')];
    console.log(`\nDatabase tests (${databaseFiles.size} files): ${sqlite} passed on SQLite, ${postgres} passed on PostgreSQL${sqlite === postgres ? ' — equal' : ' — NOT EQUAL'}.`);
    for (const file of databaseFiles) {
      const [a, b] = [passed.get(`sqlite:${file}`) ?? 0, passed.get(`postgres:${file}`) ?? 0];
      if (a !== b) console.log(`  ${file}: ${a} on SQLite, ${b} on PostgreSQL`);
    }
    if (sqlite !== postgres) process.exitCode = 1;
  }
}
