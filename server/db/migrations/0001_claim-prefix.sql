-- A random prefix makes this ledger's claim ids its own: a fresh ledger on an old chain never reuses one.
-- A ledger that already has one (every ledger the hand-written migrations built) keeps it.
INSERT INTO "ledger_meta" ("key", "value") VALUES ('claim_prefix', md5(random()::text || clock_timestamp()::text))
ON CONFLICT ("key") DO NOTHING;
