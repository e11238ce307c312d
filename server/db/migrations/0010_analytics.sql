CREATE TABLE "analytics_daily" (
	"day" date NOT NULL,
	"metric" text NOT NULL,
	"key" text DEFAULT '' NOT NULL,
	"value" integer NOT NULL,
	CONSTRAINT "analytics_daily_metric_day_key_pk" PRIMARY KEY("metric","day","key")
);
--> statement-breakpoint
CREATE TABLE "analytics_refresh" (
	"id" text PRIMARY KEY NOT NULL,
	"through_day" date NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_days" (
	"member_id" text NOT NULL,
	"day" date NOT NULL,
	CONSTRAINT "member_days_member_id_day_pk" PRIMARY KEY("member_id","day")
);
--> statement-breakpoint
ALTER TABLE "member_days" ADD CONSTRAINT "member_days_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_days_day_idx" ON "member_days" USING btree ("day");--> statement-breakpoint
INSERT INTO "member_days" ("member_id", "day") SELECT DISTINCT "member_id", ("at" AT TIME ZONE 'UTC')::date FROM "events" ON CONFLICT DO NOTHING;
