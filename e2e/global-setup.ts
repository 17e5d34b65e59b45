import fs from 'node:fs';

// The web server command has prepared .e2e-data/e2e.db (e2e/prepare-database.ts); check it is
// there so that a broken preparation fails loudly here rather than as confusing page errors.
export default function globalSetup() {
  if (!fs.existsSync('.e2e-data/e2e.db')) throw new Error('The e2e database was not prepared');
}
