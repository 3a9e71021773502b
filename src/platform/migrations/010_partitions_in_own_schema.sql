-- The monthly partition functions of migration 006, with every table they look up or make named in
-- the schema they run in. Unqualified, a schema later on the search path answered for the current
-- one: an instance in its own schema, whose path ends in public, found the DEFAULT partition of an
-- instance living in public and never made its own, and every write to its audit trail failed.
-- The start-up run of partition maintenance then makes what such a schema is missing.

CREATE OR REPLACE FUNCTION ensure_month_partitions(parent text, first_month date, last_month date)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  key_column text;
  key_type regtype;
  month date := date_trunc('month', first_month)::date;
  part text;
  lo text;
  hi text;
  made integer := 0;
  default_part text := parent || '_default';
  here text := current_schema();
  oldest date;
  app_role boolean := EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bazaar_app');
BEGIN
  -- Two processes making the same month wait for each other instead of failing.
  PERFORM pg_advisory_xact_lock(hashtext('bazaar.partitions.' || current_schema() || '.' || parent));
  SELECT a.attname, a.atttypid::regtype INTO key_column, key_type
    FROM pg_partitioned_table pt
    JOIN pg_attribute a ON a.attrelid = pt.partrelid AND a.attnum = pt.partattrs[0]
   WHERE pt.partrelid = to_regclass(format('%I.%I', here, parent));
  IF key_column IS NULL THEN
    RAISE EXCEPTION '% is not a partitioned table', parent;
  END IF;
  IF to_regclass(format('%I.%I', here, default_part)) IS NULL THEN
    EXECUTE format('CREATE TABLE %I.%I PARTITION OF %I.%I DEFAULT', here, default_part, here, parent);
    IF app_role THEN EXECUTE format('REVOKE ALL ON %I.%I FROM bazaar_app', here, default_part); END IF;
  END IF;
  -- Rows already waiting in the DEFAULT partition (a back-dated import, a month the job missed)
  -- get their months too, however old.
  EXECUTE format('SELECT min(%I)::date FROM %I.%I', key_column, here, default_part) INTO oldest;
  IF oldest IS NOT NULL AND date_trunc('month', oldest)::date < month THEN
    month := date_trunc('month', oldest)::date;
  END IF;
  -- Rows moved out of the DEFAULT partition are deleted from it: the audit trail allows that only
  -- when told (its append-only trigger), for this transaction.
  PERFORM set_config('bazaar.audit_prune', 'on', true);
  WHILE month <= last_month LOOP
    part := format('%s_p%s', parent, to_char(month, 'YYYYMM'));
    IF to_regclass(format('%I.%I', here, part)) IS NULL THEN
      lo := CASE WHEN key_type = 'date'::regtype THEN month::text ELSE month::text || ' 00:00:00+00' END;
      hi := CASE WHEN key_type = 'date'::regtype THEN (month + interval '1 month')::date::text
                 ELSE (month + interval '1 month')::date::text || ' 00:00:00+00' END;
      EXECUTE format('CREATE TABLE %I.%I (LIKE %I.%I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', here, part, here, parent);
      EXECUTE format(
        'WITH moved AS (DELETE FROM %I.%I WHERE %I >= %L AND %I < %L RETURNING *) INSERT INTO %I.%I SELECT * FROM moved',
        here, default_part, key_column, lo, key_column, hi, here, part);
      EXECUTE format('ALTER TABLE %I.%I ATTACH PARTITION %I.%I FOR VALUES FROM (%L) TO (%L)', here, parent, here, part, lo, hi);
      IF app_role THEN EXECUTE format('REVOKE ALL ON %I.%I FROM bazaar_app', here, part); END IF;
      made := made + 1;
    END IF;
    month := (month + interval '1 month')::date;
  END LOOP;
  PERFORM set_config('bazaar.audit_prune', 'off', true);
  RETURN made;
END
$$;

-- Drops the monthly partitions whose whole month lies before `before`: retention by the month,
-- without deleting row by row. Answers how many went.
CREATE OR REPLACE FUNCTION drop_month_partitions_before(parent text, before date)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  part record;
  dropped integer := 0;
  here text := current_schema();
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('bazaar.partitions.' || current_schema() || '.' || parent));
  FOR part IN
    SELECT c.relname
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = to_regclass(format('%I.%I', here, parent))
       AND c.relname ~ ('^' || parent || '_p[0-9]{6}$')
       AND (to_date(right(c.relname, 6), 'YYYYMM') + interval '1 month')::date <= before
  LOOP
    EXECUTE format('DROP TABLE %I.%I', here, part.relname);
    dropped := dropped + 1;
  END LOOP;
  RETURN dropped;
END
$$;
