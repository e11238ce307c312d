CREATE TABLE "catalogue_purchases" (
	"id" text PRIMARY KEY NOT NULL,
	"member_id" text NOT NULL,
	"item_id" text NOT NULL,
	"cost" bigint NOT NULL,
	"status" text NOT NULL,
	"outbox_id" bigint,
	"perk_code" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "catalogue_purchases_status_check" CHECK (status IN ('pending', 'fulfilled', 'refunded'))
);
--> statement-breakpoint
CREATE TABLE "catalogue_stock" (
	"item_id" text PRIMARY KEY NOT NULL,
	"sold" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_numbers" (
	"member_id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	CONSTRAINT "member_numbers_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "partner_activities" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"body_hash" text NOT NULL,
	"type" text NOT NULL,
	"member_ref" jsonb NOT NULL,
	"member_id" text,
	"points" bigint NOT NULL,
	"status" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"payload" jsonb NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"matched_at" timestamp with time zone,
	"reversed_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	CONSTRAINT "partner_activities_status_check" CHECK (status IN ('credited', 'unmatched', 'reversed', 'dropped'))
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"secret" text NOT NULL,
	"negative_limit" bigint DEFAULT 0 NOT NULL,
	"webhook_url" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "points_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"movement_id" bigint NOT NULL,
	"account_kind" text NOT NULL,
	"account_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "points_entries_amount_check" CHECK (amount <> 0),
	CONSTRAINT "points_entries_account_kind_check" CHECK (account_kind IN ('member', 'brand', 'partner', 'expiry', 'catalogue', 'erased'))
);
--> statement-breakpoint
CREATE TABLE "points_movements" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"reason" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"partner_id" text,
	"source" text DEFAULT '' NOT NULL,
	"created_by" text,
	CONSTRAINT "points_movements_kind_check" CHECK (kind IN ('opening', 'quest', 'earn', 'partner', 'partnerReversal', 'purchase', 'refund', 'expiry', 'adjustment', 'merge'))
);
--> statement-breakpoint
CREATE TABLE "points_notices" (
	"member_id" text NOT NULL,
	"expires_on" text NOT NULL,
	"amount" bigint NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "points_notices_member_id_expires_on_pk" PRIMARY KEY("member_id","expires_on")
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"event_key" text NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "webhook_deliveries_event_key_unique" UNIQUE("event_key"),
	CONSTRAINT "webhook_deliveries_status_check" CHECK (status IN ('pending', 'delivered', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "catalogue_purchases" ADD CONSTRAINT "catalogue_purchases_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_numbers" ADD CONSTRAINT "member_numbers_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_activities" ADD CONSTRAINT "partner_activities_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_activities" ADD CONSTRAINT "partner_activities_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_entries" ADD CONSTRAINT "points_entries_movement_id_points_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."points_movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_notices" ADD CONSTRAINT "points_notices_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalogue_purchases_member_idx" ON "catalogue_purchases" USING btree ("member_id","item_id");--> statement-breakpoint
CREATE INDEX "catalogue_purchases_outbox_idx" ON "catalogue_purchases" USING btree ("outbox_id");--> statement-breakpoint
CREATE UNIQUE INDEX "catalogue_purchases_perk_code_idx" ON "catalogue_purchases" USING btree ("perk_code");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_activities_key_idx" ON "partner_activities" USING btree ("partner_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "partner_activities_status_idx" ON "partner_activities" USING btree ("status","expires_at");--> statement-breakpoint
CREATE INDEX "partner_activities_member_idx" ON "partner_activities" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "points_entries_account_idx" ON "points_entries" USING btree ("account_kind","account_id","at");--> statement-breakpoint
CREATE INDEX "points_entries_movement_idx" ON "points_entries" USING btree ("movement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "points_movements_key_idx" ON "points_movements" USING btree ("key");--> statement-breakpoint
CREATE INDEX "points_movements_at_idx" ON "points_movements" USING btree ("at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE FUNCTION points_movement_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	total numeric;
	lines integer;
BEGIN
	SELECT coalesce(sum(amount), 0), count(*) INTO total, lines FROM points_entries WHERE movement_id = NEW.movement_id;
	IF total <> 0 OR lines < 2 THEN
		RAISE EXCEPTION 'points movement % does not balance: % over % entries', NEW.movement_id, total, lines;
	END IF;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "points_entries_balanced" AFTER INSERT OR UPDATE OF amount, movement_id ON "points_entries" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION points_movement_balanced();
--> statement-breakpoint
INSERT INTO "points_movements" ("key", "kind", "reason", "at", "source")
SELECT 'opening:' || "member_id", 'opening', '{"code":"opening"}'::jsonb, now(), 'opening' FROM "member_points" WHERE "points" <> 0;
--> statement-breakpoint
INSERT INTO "points_entries" ("movement_id", "account_kind", "account_id", "amount", "at")
SELECT m."id", 'member', p."member_id", p."points", m."at" FROM "member_points" p JOIN "points_movements" m ON m."key" = 'opening:' || p."member_id" WHERE p."points" <> 0
UNION ALL
SELECT m."id", 'brand', 'brand', -p."points", m."at" FROM "member_points" p JOIN "points_movements" m ON m."key" = 'opening:' || p."member_id" WHERE p."points" <> 0;
