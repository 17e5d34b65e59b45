import fs from 'node:fs';

// The web server command has prepared the e2e database and its users' credentials
// (e2e/prepare-database.ts); check they are there so that a broken preparation fails loudly here rather than as confusing page errors.
export default function globalSetup() {
  if (!fs.existsSync('.e2e-data/credentials.json')) throw new Error('The e2e database was not prepared');
}
