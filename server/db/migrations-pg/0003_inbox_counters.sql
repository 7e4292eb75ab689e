-- Hand-written: PostgreSQL counterparts of the triggers of SQLite migrations 0008 (inbound counts,
-- thread and channel tallies) and 0020 (agent_unread), same names, same effect: the inbox counts are
-- kept in the writing transaction whichever code changes a message, thread or read mark. Differences
-- from SQLite's text: booleans become 0/1 with ::int, `IS NOT` is `IS DISTINCT FROM`, json_each is
-- json_array_elements_text, and a trigger calls a function of the same name. (The "existing rows"
-- back-fills of the SQLite migrations have no counterpart: a PostgreSQL database starts empty, and
-- `npm run migrate:sqlite-to-postgres` copies the kept counts as they are.)
CREATE FUNCTION "messages_inbound_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE threads SET inbound_count = inbound_count + 1 WHERE id = NEW.thread_id;
  UPDATE thread_reads SET read_inbound_count = read_inbound_count + 1
    WHERE thread_id = NEW.thread_id AND last_read_message_id >= NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "messages_inbound_insert" AFTER INSERT ON "messages" FOR EACH ROW
  WHEN (NEW.direction = 'inbound') EXECUTE FUNCTION "messages_inbound_insert"();
--> statement-breakpoint
CREATE FUNCTION "messages_inbound_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE threads SET inbound_count = inbound_count - 1 WHERE id = OLD.thread_id;
  UPDATE thread_reads SET read_inbound_count = read_inbound_count - 1
    WHERE thread_id = OLD.thread_id AND last_read_message_id >= OLD.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "messages_inbound_delete" AFTER DELETE ON "messages" FOR EACH ROW
  WHEN (OLD.direction = 'inbound') EXECUTE FUNCTION "messages_inbound_delete"();
--> statement-breakpoint
CREATE FUNCTION "messages_inbound_move"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE threads SET inbound_count = inbound_count - 1 WHERE OLD.direction = 'inbound' AND id = OLD.thread_id;
  UPDATE thread_reads SET read_inbound_count = read_inbound_count - 1
    WHERE OLD.direction = 'inbound' AND thread_id = OLD.thread_id AND last_read_message_id >= OLD.id;
  UPDATE threads SET inbound_count = inbound_count + 1 WHERE NEW.direction = 'inbound' AND id = NEW.thread_id;
  UPDATE thread_reads SET read_inbound_count = read_inbound_count + 1
    WHERE NEW.direction = 'inbound' AND thread_id = NEW.thread_id AND last_read_message_id >= NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "messages_inbound_move" AFTER UPDATE OF thread_id, direction ON "messages" FOR EACH ROW
  WHEN (OLD.thread_id IS DISTINCT FROM NEW.thread_id OR OLD.direction IS DISTINCT FROM NEW.direction)
  EXECUTE FUNCTION "messages_inbound_move"();
--> statement-breakpoint
-- thread_reads_count_insert and thread_reads_count_update share one body.
CREATE FUNCTION "thread_reads_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE thread_reads SET read_inbound_count = (SELECT count(*) FROM messages m
    WHERE m.thread_id = NEW.thread_id AND m.direction = 'inbound' AND m.id <= NEW.last_read_message_id)
    WHERE agent_id = NEW.agent_id AND thread_id = NEW.thread_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "thread_reads_count_insert" AFTER INSERT ON "thread_reads" FOR EACH ROW
  EXECUTE FUNCTION "thread_reads_count"();
--> statement-breakpoint
CREATE TRIGGER "thread_reads_count_update" AFTER UPDATE OF last_read_message_id, thread_id ON "thread_reads" FOR EACH ROW
  EXECUTE FUNCTION "thread_reads_count"();
--> statement-breakpoint
-- Inbox counts without counting threads: live threads per (team, status, unassigned) and per
-- (team, status, channel), team 0 standing for "no team". `t` counts the thread with weight `d`.
CREATE FUNCTION "threads_tally_add"(t threads, d bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF t.merged_into_thread_id IS NOT NULL THEN RETURN; END IF;
  INSERT INTO thread_tallies (team_key, status, unassigned, n)
    VALUES (coalesce(t.team_id, 0), t.status, (t.assignee_id IS NULL)::int, d)
    ON CONFLICT (team_key, status, unassigned) DO UPDATE SET n = thread_tallies.n + excluded.n;
  INSERT INTO channel_tallies (team_key, status, channel, n)
    SELECT DISTINCT coalesce(t.team_id, 0), t.status, ch.value, d FROM json_array_elements_text(t.channels::json) ch(value)
    ON CONFLICT (team_key, status, channel) DO UPDATE SET n = channel_tallies.n + excluded.n;
END $$;
--> statement-breakpoint
CREATE FUNCTION "threads_tally_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM threads_tally_add(NEW, 1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "threads_tally_insert" AFTER INSERT ON "threads" FOR EACH ROW
  WHEN (NEW.merged_into_thread_id IS NULL) EXECUTE FUNCTION "threads_tally_insert"();
--> statement-breakpoint
CREATE FUNCTION "threads_tally_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM threads_tally_add(OLD, -1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "threads_tally_delete" AFTER DELETE ON "threads" FOR EACH ROW
  WHEN (OLD.merged_into_thread_id IS NULL) EXECUTE FUNCTION "threads_tally_delete"();
--> statement-breakpoint
CREATE FUNCTION "threads_tally_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM threads_tally_add(OLD, -1);
  PERFORM threads_tally_add(NEW, 1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "threads_tally_update" AFTER UPDATE OF status, team_id, assignee_id, merged_into_thread_id, channels ON "threads" FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.team_id IS DISTINCT FROM NEW.team_id
    OR (OLD.assignee_id IS NULL) IS DISTINCT FROM (NEW.assignee_id IS NULL)
    OR OLD.merged_into_thread_id IS DISTINCT FROM NEW.merged_into_thread_id OR OLD.channels IS DISTINCT FROM NEW.channels)
  EXECUTE FUNCTION "threads_tally_update"();
--> statement-breakpoint
-- agent_unread.n (SQLite migration 0020): the unread total of an agent's live assigned threads, the
-- sum of threads.inbound_count minus the agent's thread_reads.read_inbound_count. `t` counts with
-- weight `d` (its read mark is looked up now). A thread's delete is counted BEFORE it happens: its
-- read marks are removed by the cascade afterwards, when the thread is gone.
CREATE FUNCTION "threads_unread_add"(t threads, d bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF t.assignee_id IS NULL OR t.merged_into_thread_id IS NOT NULL THEN RETURN; END IF;
  INSERT INTO agent_unread (agent_id, n)
    VALUES (t.assignee_id, d * (t.inbound_count - coalesce((SELECT read_inbound_count FROM thread_reads
      WHERE agent_id = t.assignee_id AND thread_id = t.id), 0)))
    ON CONFLICT (agent_id) DO UPDATE SET n = agent_unread.n + excluded.n;
END $$;
--> statement-breakpoint
CREATE FUNCTION "threads_unread_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM threads_unread_add(NEW, 1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "threads_unread_insert" AFTER INSERT ON "threads" FOR EACH ROW
  WHEN (NEW.assignee_id IS NOT NULL AND NEW.merged_into_thread_id IS NULL) EXECUTE FUNCTION "threads_unread_insert"();
--> statement-breakpoint
CREATE FUNCTION "threads_unread_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM threads_unread_add(OLD, -1);
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER "threads_unread_delete" BEFORE DELETE ON "threads" FOR EACH ROW
  WHEN (OLD.assignee_id IS NOT NULL AND OLD.merged_into_thread_id IS NULL) EXECUTE FUNCTION "threads_unread_delete"();
--> statement-breakpoint
CREATE FUNCTION "threads_unread_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM threads_unread_add(OLD, -1);
  PERFORM threads_unread_add(NEW, 1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "threads_unread_update" AFTER UPDATE OF assignee_id, merged_into_thread_id, inbound_count ON "threads" FOR EACH ROW
  WHEN (OLD.assignee_id IS DISTINCT FROM NEW.assignee_id OR OLD.merged_into_thread_id IS DISTINCT FROM NEW.merged_into_thread_id
    OR OLD.inbound_count IS DISTINCT FROM NEW.inbound_count)
  EXECUTE FUNCTION "threads_unread_update"();
--> statement-breakpoint
-- A read mark of agent `a` on thread `th` counting `read` inbound messages, with weight `d`: it
-- lowers the agent's unread total when the thread is theirs and live.
CREATE FUNCTION "thread_reads_unread_add"(a bigint, th bigint, read bigint, d bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE agent_unread SET n = n - d * read WHERE agent_id = a
    AND EXISTS (SELECT 1 FROM threads WHERE id = th AND assignee_id = a AND merged_into_thread_id IS NULL);
END $$;
--> statement-breakpoint
CREATE FUNCTION "thread_reads_unread_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM thread_reads_unread_add(NEW.agent_id, NEW.thread_id, NEW.read_inbound_count, 1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "thread_reads_unread_insert" AFTER INSERT ON "thread_reads" FOR EACH ROW
  EXECUTE FUNCTION "thread_reads_unread_insert"();
--> statement-breakpoint
CREATE FUNCTION "thread_reads_unread_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM thread_reads_unread_add(OLD.agent_id, OLD.thread_id, OLD.read_inbound_count, -1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "thread_reads_unread_delete" AFTER DELETE ON "thread_reads" FOR EACH ROW
  EXECUTE FUNCTION "thread_reads_unread_delete"();
--> statement-breakpoint
CREATE FUNCTION "thread_reads_unread_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM thread_reads_unread_add(OLD.agent_id, OLD.thread_id, OLD.read_inbound_count, -1);
  PERFORM thread_reads_unread_add(NEW.agent_id, NEW.thread_id, NEW.read_inbound_count, 1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "thread_reads_unread_update" AFTER UPDATE OF read_inbound_count, agent_id, thread_id ON "thread_reads" FOR EACH ROW
  EXECUTE FUNCTION "thread_reads_unread_update"();
