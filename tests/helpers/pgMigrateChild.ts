// Child process for the migration race: one Braid node's start-up migration against the database at argv[2].
import { migratePostgres } from '#server/db/pg/migrate';

await migratePostgres(process.argv[2]);
process.stdout.write('migrated\n');
