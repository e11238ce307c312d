-- Issue 20: the staff table's roles move to team_roles (admin is now owner, host stays host), then staff goes.
INSERT INTO "team_roles" ("principal", "role", "granted_by", "granted_at")
SELECT "address", CASE "role" WHEN 'admin' THEN 'owner' ELSE 'host' END, NULL, "added_at" FROM "staff"
ON CONFLICT DO NOTHING;
--> statement-breakpoint
DROP TABLE "staff" CASCADE;
