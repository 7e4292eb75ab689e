-- Hand-written: PostgreSQL counterparts of the floor board's triggers of SQLite migrations 0010
-- (board_tallies, agent_tallies, board_minutes), 0019 (board_sla), 0021 (board_waits) and 0022
-- (board_wait_versions), same names, same effect, in the writing transaction. Differences from
-- SQLite's text as in 0003_inbox_counters.sql; a thread's old contribution is taken out and its new
-- one put in by one helper per counter.
CREATE FUNCTION "threads_board_add"(t threads, d bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF t.merged_into_thread_id IS NOT NULL THEN RETURN; END IF;
  INSERT INTO board_tallies (team_key, channel, status, unassigned, waiting, n)
    VALUES (coalesce(t.team_id, 0), coalesce(t.last_inbound_channel, ''), t.status, (t.assignee_id IS NULL)::int,
      (t.status = 'open' AND t.waiting_since IS NOT NULL)::int, d)
    ON CONFLICT (team_key, channel, status, unassigned, waiting) DO UPDATE SET n = board_tallies.n + excluded.n;
  IF t.assignee_id IS NULL THEN RETURN; END IF;
  INSERT INTO agent_tallies (agent_id, status, waiting, negative, n)
    VALUES (t.assignee_id, t.status, (t.status = 'open' AND t.waiting_since IS NOT NULL)::int,
      coalesce((t.last_sentiment_label = 'negative')::int, 0), d)
    ON CONFLICT (agent_id, status, waiting, negative) DO UPDATE SET n = agent_tallies.n + excluded.n;
END $$;
--> statement-breakpoint
CREATE FUNCTION "threads_board_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM threads_board_add(NEW, 1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "threads_board_insert" AFTER INSERT ON "threads" FOR EACH ROW EXECUTE FUNCTION "threads_board_insert"();
--> statement-breakpoint
CREATE FUNCTION "threads_board_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM threads_board_add(OLD, -1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "threads_board_delete" AFTER DELETE ON "threads" FOR EACH ROW EXECUTE FUNCTION "threads_board_delete"();
--> statement-breakpoint
CREATE FUNCTION "threads_board_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM threads_board_add(OLD, -1);
  PERFORM threads_board_add(NEW, 1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "threads_board_update" AFTER UPDATE OF status, team_id, assignee_id, merged_into_thread_id, last_inbound_channel, waiting_since, last_sentiment_label ON "threads" FOR EACH ROW
  WHEN ((OLD.merged_into_thread_id IS NULL) IS DISTINCT FROM (NEW.merged_into_thread_id IS NULL)
    OR coalesce(OLD.team_id, 0) IS DISTINCT FROM coalesce(NEW.team_id, 0)
    OR coalesce(OLD.last_inbound_channel, '') IS DISTINCT FROM coalesce(NEW.last_inbound_channel, '')
    OR OLD.status IS DISTINCT FROM NEW.status OR OLD.assignee_id IS DISTINCT FROM NEW.assignee_id
    OR (OLD.status = 'open' AND OLD.waiting_since IS NOT NULL) IS DISTINCT FROM (NEW.status = 'open' AND NEW.waiting_since IS NOT NULL)
    OR coalesce(OLD.last_sentiment_label = 'negative', false) IS DISTINCT FROM coalesce(NEW.last_sentiment_label = 'negative', false))
  EXECUTE FUNCTION "threads_board_update"();
--> statement-breakpoint
-- Arrivals (episodes opened) and resolutions per team and minute; `e` counts with weight `d`.
CREATE FUNCTION "episodes_board_add"(e episodes, d bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO board_minutes (team_key, minute, arrivals, resolutions)
    VALUES (coalesce(e.team_id, 0), e.opened_at / 60000, d, 0)
    ON CONFLICT (team_key, minute) DO UPDATE SET arrivals = board_minutes.arrivals + excluded.arrivals;
  IF e.resolved_at IS NULL THEN RETURN; END IF;
  INSERT INTO board_minutes (team_key, minute, arrivals, resolutions)
    VALUES (coalesce(e.team_id, 0), e.resolved_at / 60000, 0, d)
    ON CONFLICT (team_key, minute) DO UPDATE SET resolutions = board_minutes.resolutions + excluded.resolutions;
END $$;
--> statement-breakpoint
CREATE FUNCTION "episodes_board_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM episodes_board_add(NEW, 1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "episodes_board_insert" AFTER INSERT ON "episodes" FOR EACH ROW EXECUTE FUNCTION "episodes_board_insert"();
--> statement-breakpoint
CREATE FUNCTION "episodes_board_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM episodes_board_add(OLD, -1);
  PERFORM episodes_board_add(NEW, 1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "episodes_board_update" AFTER UPDATE OF opened_at, resolved_at, team_id ON "episodes" FOR EACH ROW
  WHEN (OLD.opened_at IS DISTINCT FROM NEW.opened_at OR OLD.resolved_at IS DISTINCT FROM NEW.resolved_at
    OR OLD.team_id IS DISTINCT FROM NEW.team_id)
  EXECUTE FUNCTION "episodes_board_update"();
--> statement-breakpoint
-- board_sla (SQLite 0019): a crossing of 75 % or more of a running clock enters (the latest clock and
-- the highest fraction win); the row leaves when that clock stops.
CREATE FUNCTION "sla_alerts_board_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO board_sla (thread_id, kind, team_key, channel, clock_started_at, fraction)
    SELECT t.id, NEW.kind, coalesce(t.team_id, 0), coalesce(t.last_inbound_channel, ''), NEW.clock_started_at, NEW.fraction
    FROM threads t
    WHERE t.id = NEW.thread_id AND t.status <> 'resolved' AND t.merged_into_thread_id IS NULL
      AND t.current_episode_id = NEW.episode_id
      AND (CASE NEW.kind WHEN 'resolution' THEN t.status = 'open' ELSE t.waiting_since = NEW.clock_started_at END)
    ON CONFLICT (thread_id, kind) DO UPDATE SET clock_started_at = excluded.clock_started_at, fraction = excluded.fraction
      WHERE excluded.clock_started_at > board_sla.clock_started_at
        OR (excluded.clock_started_at = board_sla.clock_started_at AND excluded.fraction > board_sla.fraction);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "sla_alerts_board_insert" AFTER INSERT ON "sla_alerts" FOR EACH ROW
  WHEN (NEW.fraction >= 0.75) EXECUTE FUNCTION "sla_alerts_board_insert"();
--> statement-breakpoint
CREATE FUNCTION "threads_board_sla_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM board_sla WHERE thread_id = NEW.id AND (
    NEW.status = 'resolved' OR NEW.merged_into_thread_id IS NOT NULL
    OR NEW.current_episode_id IS DISTINCT FROM OLD.current_episode_id
    OR (kind = 'resolution' AND NEW.status <> 'open')
    OR (kind <> 'resolution' AND NEW.waiting_since IS DISTINCT FROM clock_started_at));
  UPDATE board_sla SET team_key = coalesce(NEW.team_id, 0), channel = coalesce(NEW.last_inbound_channel, '')
    WHERE thread_id = NEW.id
      AND (team_key IS DISTINCT FROM coalesce(NEW.team_id, 0) OR channel IS DISTINCT FROM coalesce(NEW.last_inbound_channel, ''));
  -- A response clock that runs again from the same start (a refused reply gave the customer their
  -- wait back) is at risk or breached again as far as its recorded crossings say.
  INSERT INTO board_sla (thread_id, kind, team_key, channel, clock_started_at, fraction)
    SELECT NEW.id, a.kind, coalesce(NEW.team_id, 0), coalesce(NEW.last_inbound_channel, ''), a.clock_started_at, max(a.fraction)
    FROM sla_alerts a
    WHERE NEW.waiting_since IS NOT NULL AND OLD.waiting_since IS DISTINCT FROM NEW.waiting_since
      AND NEW.status <> 'resolved' AND NEW.merged_into_thread_id IS NULL
      AND a.episode_id = NEW.current_episode_id AND a.kind IN ('first_response', 'next_response')
      AND a.clock_started_at = NEW.waiting_since AND a.fraction >= 0.75
    GROUP BY a.kind, a.clock_started_at
    ON CONFLICT (thread_id, kind) DO UPDATE SET clock_started_at = excluded.clock_started_at, fraction = excluded.fraction;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "threads_board_sla_update" AFTER UPDATE OF status, team_id, merged_into_thread_id, last_inbound_channel, waiting_since, current_episode_id ON "threads" FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.team_id IS DISTINCT FROM NEW.team_id
    OR OLD.merged_into_thread_id IS DISTINCT FROM NEW.merged_into_thread_id
    OR OLD.last_inbound_channel IS DISTINCT FROM NEW.last_inbound_channel OR OLD.waiting_since IS DISTINCT FROM NEW.waiting_since
    OR OLD.current_episode_id IS DISTINCT FROM NEW.current_episode_id)
  EXECUTE FUNCTION "threads_board_sla_update"();
--> statement-breakpoint
CREATE FUNCTION "threads_board_sla_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM board_sla WHERE thread_id = OLD.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "threads_board_sla_delete" AFTER DELETE ON "threads" FOR EACH ROW EXECUTE FUNCTION "threads_board_sla_delete"();
--> statement-breakpoint
-- board_waits (SQLite 0021): a waiting thread (open, with an unanswered inbound message, not merged)
-- counts in four rows: its team's minute and hour, its team and channel's minute and hour. `t` counts
-- with weight `d`; a row brought to 0 goes.
CREATE FUNCTION "threads_board_waits_add"(t threads, d bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF NOT (t.status = 'open' AND t.waiting_since IS NOT NULL AND t.merged_into_thread_id IS NULL) THEN RETURN; END IF;
  INSERT INTO board_waits (team_key, channel, level, bucket, n) VALUES
    (coalesce(t.team_id, 0), '*', 0, t.waiting_since / 60000, d),
    (coalesce(t.team_id, 0), '*', 1, t.waiting_since / 3600000, d),
    (coalesce(t.team_id, 0), coalesce(t.last_inbound_channel, ''), 0, t.waiting_since / 60000, d),
    (coalesce(t.team_id, 0), coalesce(t.last_inbound_channel, ''), 1, t.waiting_since / 3600000, d)
    ON CONFLICT (team_key, channel, level, bucket) DO UPDATE SET n = board_waits.n + excluded.n;
  IF d < 0 THEN
    DELETE FROM board_waits WHERE n = 0 AND team_key = coalesce(t.team_id, 0)
      AND channel IN ('*', coalesce(t.last_inbound_channel, '')) AND level IN (0, 1)
      AND bucket IN (t.waiting_since / 60000, t.waiting_since / 3600000);
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION "threads_board_waits_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM threads_board_waits_add(NEW, 1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "threads_board_waits_insert" AFTER INSERT ON "threads" FOR EACH ROW
  WHEN (NEW.status = 'open' AND NEW.waiting_since IS NOT NULL AND NEW.merged_into_thread_id IS NULL)
  EXECUTE FUNCTION "threads_board_waits_insert"();
--> statement-breakpoint
CREATE FUNCTION "threads_board_waits_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM threads_board_waits_add(OLD, -1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "threads_board_waits_delete" AFTER DELETE ON "threads" FOR EACH ROW
  WHEN (OLD.status = 'open' AND OLD.waiting_since IS NOT NULL AND OLD.merged_into_thread_id IS NULL)
  EXECUTE FUNCTION "threads_board_waits_delete"();
--> statement-breakpoint
CREATE FUNCTION "threads_board_waits_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM threads_board_waits_add(OLD, -1);
  PERFORM threads_board_waits_add(NEW, 1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "threads_board_waits_update" AFTER UPDATE OF status, team_id, merged_into_thread_id, last_inbound_channel, waiting_since ON "threads" FOR EACH ROW
  WHEN ((OLD.status = 'open' AND OLD.waiting_since IS NOT NULL AND OLD.merged_into_thread_id IS NULL)
      IS DISTINCT FROM (NEW.status = 'open' AND NEW.waiting_since IS NOT NULL AND NEW.merged_into_thread_id IS NULL)
    OR ((NEW.status = 'open' AND NEW.waiting_since IS NOT NULL AND NEW.merged_into_thread_id IS NULL)
      AND (OLD.waiting_since IS DISTINCT FROM NEW.waiting_since OR coalesce(OLD.team_id, 0) IS DISTINCT FROM coalesce(NEW.team_id, 0)
        OR coalesce(OLD.last_inbound_channel, '') IS DISTINCT FROM coalesce(NEW.last_inbound_channel, ''))))
  EXECUTE FUNCTION "threads_board_waits_update"();
--> statement-breakpoint
-- board_wait_versions (SQLite 0022): bumped whenever one of a key's board_waits minute rows changes.
CREATE FUNCTION "board_waits_version_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO board_wait_versions (team_key, channel, v) VALUES (NEW.team_key, NEW.channel, 1)
    ON CONFLICT (team_key, channel) DO UPDATE SET v = board_wait_versions.v + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "board_waits_version_insert" AFTER INSERT ON "board_waits" FOR EACH ROW
  WHEN (NEW.level = 0) EXECUTE FUNCTION "board_waits_version_bump"();
--> statement-breakpoint
CREATE TRIGGER "board_waits_version_update" AFTER UPDATE ON "board_waits" FOR EACH ROW
  WHEN (NEW.level = 0) EXECUTE FUNCTION "board_waits_version_bump"();
