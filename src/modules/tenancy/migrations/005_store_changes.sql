-- Every change to a store row moves its updated_at (whichever code path writes it), so a process
-- that holds every store in memory (the resolver's directory, tenancy.resolver.ts) reads again only
-- the rows changed since it last looked.
CREATE FUNCTION tenancy_stores_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := clock_timestamp();
  RETURN NEW;
END
$$;
CREATE TRIGGER stores_touch_trg BEFORE UPDATE ON stores
  FOR EACH ROW EXECUTE FUNCTION tenancy_stores_touch();
CREATE INDEX stores_updated_at_idx ON stores (updated_at);
