// npm run user:add -- --email name@council.gov.uk --role officer [--name "Full Name"]
// The password comes from USER_PASSWORD or is asked for (not echoed). Never logged.
import readline from 'node:readline';
import { z } from 'zod';
import { databaseEngine, getDb, openDatabase } from '../db/client';
import { migrate } from '../db/setup';
import { ROLES } from '../lib/vocabulary';
import { hashPassword, passwordProblem } from '../lib/auth/password';
import { env } from '../lib/env';
import { InputError } from '../lib/errors';
import { addUser } from '../db/auth/users';
import { CLI_ACTOR } from '../db/mutations/audit';

const argsSchema = z.object({
  email: z.string().trim().toLowerCase().email('--email must be an email address'),
  role: z.enum(ROLES, { error: `--role must be one of ${ROLES.join(', ')}` }),
  name: z.string().trim().max(200).optional(),
});

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    let asked = false;
    output._writeToOutput = (s: string) => {
      if (!asked) {
        process.stdout.write(s);
        asked = true;
      }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function main(): Promise<number> {
  const parsed = argsSchema.safeParse({ email: arg('email'), role: arg('role'), name: arg('name') });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(issue.message);
    console.error('Usage: npm run user:add -- --email name@council.gov.uk --role viewer|officer|admin [--name "Full Name"]');
    return 2;
  }
  let password = env().USER_PASSWORD;
  if (password === undefined) {
    if (!process.stdin.isTTY) {
      console.error('Set USER_PASSWORD, or run this in a terminal to be asked for the password.');
      return 2;
    }
    password = await askHidden('Password: ');
    if ((await askHidden('Password again: ')) !== password) {
      console.error('The two passwords differ; nothing was saved.');
      return 1;
    }
  }
  const problem = passwordProblem(password);
  if (problem) {
    console.error(`Password not accepted: ${problem}`);
    return 1;
  }
  const db = databaseEngine() === 'postgres' ? getDb() : openDatabase();
  migrate(db);
  const { email, role, name } = parsed.data;
  const hash = await hashPassword(password);
  try {
    addUser(db, CLI_ACTOR, { email, name: name ?? null, role }, hash, 'npm run user:add');
  } catch (error) {
    if (error instanceof InputError) {
      console.error(`${Object.values(error.fields).join('; ')}; nothing was changed.`);
      return 1;
    }
    throw error;
  }
  console.log(`Created ${role} ${email}.`);
  return 0;
}

main().then((code) => (process.exitCode = code));
