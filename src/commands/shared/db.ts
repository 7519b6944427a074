import { UsageError } from '../../errors.js';
import { DatabaseRefused, openDatabase, type Db, type OpenOptions } from '../../io/db.js';

/*
 * The exit code of a database quizdeck will not use, chosen here for every command: io says why
 * (DatabaseRefused), and the commands that need the database refuse with exit 2.
 */

export function openDatabaseOrRefuse(path: string, options: OpenOptions & { readonly: true }): Db | null;
export function openDatabaseOrRefuse(path: string, options?: OpenOptions): Db;
export function openDatabaseOrRefuse(path: string, options: OpenOptions = {}): Db | null {
  try {
    return openDatabase(path, options);
  } catch (error) {
    if (error instanceof DatabaseRefused) throw new UsageError(error.message);
    throw error;
  }
}
