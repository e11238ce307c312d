CREATE TABLE "events" (
	"id" text PRIMARY KEY NOT NULL,
	"member_id" text NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "game_best" (
	"game_id" text NOT NULL,
	"member_id" text NOT NULL,
	"score" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "game_best_game_id_member_id_pk" PRIMARY KEY("game_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "game_daily_best" (
	"game_id" text NOT NULL,
	"day" date NOT NULL,
	"member_id" text NOT NULL,
	"score" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "game_daily_best_game_id_day_member_id_pk" PRIMARY KEY("game_id","day","member_id")
);
--> statement-breakpoint
CREATE TABLE "game_scores" (
	"event_id" text PRIMARY KEY NOT NULL,
	"game_id" text NOT NULL,
	"member_id" text NOT NULL,
	"score" integer NOT NULL,
	"won" boolean NOT NULL,
	"day" date NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_points" (
	"member_id" text PRIMARY KEY NOT NULL,
	"points" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_stamps" (
	"member_id" text NOT NULL,
	"stamp_id" text NOT NULL,
	"quest_id" text NOT NULL,
	"earned_at" timestamp with time zone NOT NULL,
	"event_id" text NOT NULL,
	"place" text NOT NULL,
	CONSTRAINT "member_stamps_member_id_stamp_id_pk" PRIMARY KEY("member_id","stamp_id")
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" text PRIMARY KEY NOT NULL,
	"display_name" text NOT NULL,
	"address" text,
	"locale" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "members_address_unique" UNIQUE("address")
);
--> statement-breakpoint
CREATE TABLE "mint_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"nonce" bigint NOT NULL,
	"tx_hash" text NOT NULL,
	"raw_tx" text NOT NULL,
	"max_fee_per_gas" text NOT NULL,
	"outbox_ids" jsonb NOT NULL,
	"status" text NOT NULL,
	"block_number" bigint,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mint_attempts_tx_hash_unique" UNIQUE("tx_hash"),
	CONSTRAINT "mint_attempts_kind_check" CHECK (kind IN ('stamp', 'prize', 'transfer'))
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"member_id" text NOT NULL,
	"item_id" text NOT NULL,
	"event_id" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"recipient" text,
	"attempt_id" bigint,
	"tx_hash" text,
	"block_number" bigint,
	"tries" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	"custody" text,
	CONSTRAINT "outbox_kind_check" CHECK (kind IN ('stamp', 'prize'))
);
--> statement-breakpoint
CREATE TABLE "quest_progress" (
	"member_id" text NOT NULL,
	"quest_id" text NOT NULL,
	"state" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "quest_progress_member_id_quest_id_pk" PRIMARY KEY("member_id","quest_id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"member_id" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "siwe_nonces" (
	"nonce" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "content_drafts" (
	"kind" text NOT NULL,
	"id" text NOT NULL,
	"body" jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "content_drafts_kind_id_pk" PRIMARY KEY("kind","id")
);
--> statement-breakpoint
CREATE TABLE "drop_claims" (
	"drop_id" bigint NOT NULL,
	"member_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"won" boolean,
	"outbox_id" bigint,
	CONSTRAINT "drop_claims_drop_id_member_id_pk" PRIMARY KEY("drop_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "event_bans" (
	"scope_key" text NOT NULL,
	"member_id" text NOT NULL,
	"event_id" text,
	"banned_by" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "event_bans_scope_key_member_id_pk" PRIMARY KEY("scope_key","member_id")
);
--> statement-breakpoint
CREATE TABLE "event_drops" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"drop_key" text NOT NULL,
	"prize_id" text NOT NULL,
	"mode" text NOT NULL,
	"supply" integer NOT NULL,
	"claimed" integer DEFAULT 0 NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"seed" text NOT NULL,
	"commit" text NOT NULL,
	"drawn_at" timestamp with time zone,
	CONSTRAINT "event_drops_event_id_drop_key_unique" UNIQUE("event_id","drop_key"),
	CONSTRAINT "event_drops_mode_check" CHECK (mode IN ('first', 'raffle')),
	CONSTRAINT "event_drops_supply_check" CHECK (supply > 0),
	CONSTRAINT "event_drops_claimed_check" CHECK (claimed <= supply)
);
--> statement-breakpoint
CREATE TABLE "event_reports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"reporter_id" text NOT NULL,
	"member_id" text NOT NULL,
	"reason" text NOT NULL,
	"note" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_visits" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"member_id" text NOT NULL,
	"room_id" text NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"left_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "live_events" (
	"id" text PRIMARY KEY NOT NULL,
	"spec" jsonb NOT NULL,
	"hall" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"stage" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poll_votes" (
	"poll_id" text NOT NULL,
	"member_id" text NOT NULL,
	"option" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "poll_votes_poll_id_member_id_pk" PRIMARY KEY("poll_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"address" text PRIMARY KEY NOT NULL,
	"role" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_role_check" CHECK (role IN ('host', 'admin'))
);
--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "game_best" ADD CONSTRAINT "game_best_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "game_daily_best" ADD CONSTRAINT "game_daily_best_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "game_scores" ADD CONSTRAINT "game_scores_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_points" ADD CONSTRAINT "member_points_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_stamps" ADD CONSTRAINT "member_stamps_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quest_progress" ADD CONSTRAINT "quest_progress_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drop_claims" ADD CONSTRAINT "drop_claims_drop_id_event_drops_id_fk" FOREIGN KEY ("drop_id") REFERENCES "public"."event_drops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drop_claims" ADD CONSTRAINT "drop_claims_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_bans" ADD CONSTRAINT "event_bans_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_drops" ADD CONSTRAINT "event_drops_event_id_live_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."live_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_reports" ADD CONSTRAINT "event_reports_event_id_live_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."live_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_reports" ADD CONSTRAINT "event_reports_reporter_id_members_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_visits" ADD CONSTRAINT "event_visits_event_id_live_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."live_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_visits" ADD CONSTRAINT "event_visits_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_votes" ADD CONSTRAINT "poll_votes_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "events_member_idx" ON "events" USING btree ("member_id","at");--> statement-breakpoint
CREATE INDEX "game_best_board_idx" ON "game_best" USING btree ("game_id","score" DESC NULLS FIRST,"at");--> statement-breakpoint
CREATE INDEX "game_daily_best_board_idx" ON "game_daily_best" USING btree ("game_id","day","score" DESC NULLS FIRST,"at");--> statement-breakpoint
CREATE INDEX "game_scores_member_idx" ON "game_scores" USING btree ("member_id","game_id","at");--> statement-breakpoint
CREATE INDEX "mint_attempts_nonce_idx" ON "mint_attempts" USING btree ("nonce");--> statement-breakpoint
CREATE INDEX "mint_attempts_status_idx" ON "mint_attempts" USING btree ("status");--> statement-breakpoint
CREATE INDEX "outbox_status_idx" ON "outbox" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "outbox_member_idx" ON "outbox" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "sessions_member_idx" ON "sessions" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "siwe_nonces_expires_idx" ON "siwe_nonces" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "event_visits_event_idx" ON "event_visits" USING btree ("event_id","member_id");--> statement-breakpoint
CREATE INDEX "live_events_starts_idx" ON "live_events" USING btree ("starts_at");