/** A store file as an older musicdl left it: schema migrations 1…`version` only, written with today's SQL. */
import { Database } from "bun:sqlite";
import { APPLICATION_ID, MIGRATIONS } from "../../src/store/migrations.ts";

/** Opens a new sqlite file at `path` holding schema `version`; the caller fills it in the old shape and closes it. */
export function createStoreAtSchema(path: string, version: number): Database {
  const db = new Database(path);
  // A step that rewrites stored JSON has nothing to carry over in a new file; it runs so later steps find its shape.
  for (const migration of MIGRATIONS.slice(0, version)) {
    if (typeof migration === "string") db.run(migration);
    else migration(db);
  }
  db.run(`PRAGMA application_id = ${APPLICATION_ID}`);
  db.run(`PRAGMA user_version = ${version}`);
  return db;
}
