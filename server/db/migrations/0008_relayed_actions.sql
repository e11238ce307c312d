CREATE TABLE "relay_claim_links" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"gifter_id" text NOT NULL,
	"prize_id" text NOT NULL,
	"token_id" integer NOT NULL,
	"amount" integer NOT NULL,
	"place" text NOT NULL,
	"outbox_id" bigint,
	"state" text NOT NULL,
	"claimed_by" text,
	"claimed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "relay_claim_links_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "relay_claim_links_state_check" CHECK (state IN ('pending', 'open', 'claimed'))
);
--> statement-breakpoint
CREATE TABLE "relayed_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"member_id" text NOT NULL,
	"kind" text NOT NULL,
	"place" text NOT NULL,
	"prize_id" text NOT NULL,
	"token_id" integer NOT NULL,
	"amount" integer NOT NULL,
	"from_address" text,
	"to_address" text,
	"claim_link_id" bigint,
	"outbox_id" bigint,
	"request" jsonb,
	"signature" text,
	"forward_nonce" bigint,
	"status" text DEFAULT 'queued' NOT NULL,
	"raw_tx" text,
	"relayer_nonce" bigint,
	"tx_hash" text,
	"block_number" bigint,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "relayed_actions_kind_check" CHECK (kind IN ('redeem', 'gift', 'claim')),
	CONSTRAINT "relayed_actions_place_check" CHECK (place IN ('held', 'custody', 'wallet')),
	CONSTRAINT "relayed_actions_status_check" CHECK (status IN ('queued', 'sent', 'confirmed', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "relay_claim_links" ADD CONSTRAINT "relay_claim_links_gifter_id_members_id_fk" FOREIGN KEY ("gifter_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relayed_actions" ADD CONSTRAINT "relayed_actions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "relayed_actions_tx_hash_idx" ON "relayed_actions" USING btree ("tx_hash");--> statement-breakpoint
CREATE INDEX "relayed_actions_member_idx" ON "relayed_actions" USING btree ("member_id","created_at");--> statement-breakpoint
CREATE INDEX "relayed_actions_status_idx" ON "relayed_actions" USING btree ("status","id");--> statement-breakpoint
CREATE UNIQUE INDEX "relayed_actions_forward_nonce_idx" ON "relayed_actions" USING btree ("from_address","forward_nonce");