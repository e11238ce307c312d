CREATE TABLE "perk_pool_codes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"pool_id" text NOT NULL,
	"code" text NOT NULL,
	"perk_id" text,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "perk_redemptions" (
	"key" text PRIMARY KEY NOT NULL,
	"member_id" text NOT NULL,
	"prize_id" text NOT NULL,
	"amount" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "perk_shipping" (
	"perk_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"address_lines" jsonb NOT NULL,
	"city" text NOT NULL,
	"postcode" text NOT NULL,
	"country" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "perks" (
	"id" text PRIMARY KEY NOT NULL,
	"member_id" text NOT NULL,
	"prize_id" text NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"partner_code" text,
	"state" text DEFAULT 'ready' NOT NULL,
	"used_at" timestamp with time zone,
	"used_by" text,
	"expires_at" timestamp with time zone NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"redemption_key" text NOT NULL,
	"unit" integer NOT NULL,
	"brand" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "perks_state_check" CHECK (state IN ('ready', 'used', 'expired')),
	CONSTRAINT "perks_kind_check" CHECK (kind IN ('generatedCode', 'codePool', 'timedAccess', 'physical'))
);
--> statement-breakpoint
CREATE TABLE "prize_indexer_blocks" (
	"cursor_id" text NOT NULL,
	"block_number" bigint NOT NULL,
	"block_hash" text NOT NULL,
	CONSTRAINT "prize_indexer_blocks_cursor_id_block_number_pk" PRIMARY KEY("cursor_id","block_number")
);
--> statement-breakpoint
CREATE TABLE "prize_indexer_cursor" (
	"id" text PRIMARY KEY NOT NULL,
	"block_number" bigint NOT NULL,
	"block_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prize_transfers" (
	"tx_hash" text NOT NULL,
	"log_index" integer NOT NULL,
	"item" integer NOT NULL,
	"block_number" bigint NOT NULL,
	"token_id" integer NOT NULL,
	"from_address" text NOT NULL,
	"to_address" text NOT NULL,
	"amount" bigint NOT NULL,
	CONSTRAINT "prize_transfers_tx_hash_log_index_item_pk" PRIMARY KEY("tx_hash","log_index","item")
);
--> statement-breakpoint
ALTER TABLE "perk_redemptions" ADD CONSTRAINT "perk_redemptions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perk_shipping" ADD CONSTRAINT "perk_shipping_perk_id_perks_id_fk" FOREIGN KEY ("perk_id") REFERENCES "public"."perks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perks" ADD CONSTRAINT "perks_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perks" ADD CONSTRAINT "perks_redemption_key_perk_redemptions_key_fk" FOREIGN KEY ("redemption_key") REFERENCES "public"."perk_redemptions"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "perk_pool_codes_code_idx" ON "perk_pool_codes" USING btree ("pool_id","code");--> statement-breakpoint
CREATE INDEX "perk_pool_codes_free_idx" ON "perk_pool_codes" USING btree ("pool_id","id") WHERE perk_id IS NULL;--> statement-breakpoint
CREATE INDEX "perk_redemptions_member_idx" ON "perk_redemptions" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "perks_code_idx" ON "perks" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "perks_redemption_unit_idx" ON "perks" USING btree ("redemption_key","unit");--> statement-breakpoint
CREATE INDEX "perks_member_idx" ON "perks" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "prize_transfers_to_idx" ON "prize_transfers" USING btree ("to_address","token_id");--> statement-breakpoint
CREATE INDEX "prize_transfers_from_idx" ON "prize_transfers" USING btree ("from_address","token_id");--> statement-breakpoint
CREATE INDEX "prize_transfers_block_idx" ON "prize_transfers" USING btree ("block_number");