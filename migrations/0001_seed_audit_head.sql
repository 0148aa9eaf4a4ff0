-- The audit chain's head starts at the genesis hash, so appends only lock and update it.
INSERT INTO "audit_head" ("id", "seq", "hash") VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000') ON CONFLICT ("id") DO NOTHING;
