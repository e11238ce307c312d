CREATE TABLE "event_ban_marks" (
	"scope_key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "event_ban_marks_scope_key_fingerprint_pk" PRIMARY KEY("scope_key","fingerprint")
);
--> statement-breakpoint
ALTER TABLE "device_sessions" ADD COLUMN "browser_id" text;--> statement-breakpoint
CREATE INDEX "device_sessions_browser_idx" ON "device_sessions" USING btree ("browser_id");