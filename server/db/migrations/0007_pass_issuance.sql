CREATE TABLE "member_passes" (
	"member_id" text PRIMARY KEY NOT NULL,
	"tier" integer NOT NULL,
	"mint_outbox_id" bigint NOT NULL,
	"token_id" text,
	"chain_tier" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_passes_tier_check" CHECK (tier BETWEEN 1 AND 3 AND chain_tier BETWEEN 1 AND 3)
);
--> statement-breakpoint
CREATE TABLE "pass_grants" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"member_id" text NOT NULL,
	"rule_id" text NOT NULL,
	"source" text NOT NULL,
	"tier" integer NOT NULL,
	"outbox_id" bigint,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pass_grants_source_check" CHECK (source IN ('status', 'console', 'partner'))
);
--> statement-breakpoint
ALTER TABLE "mint_attempts" DROP CONSTRAINT "mint_attempts_kind_check";--> statement-breakpoint
ALTER TABLE "outbox" DROP CONSTRAINT "outbox_kind_check";--> statement-breakpoint
ALTER TABLE "member_passes" ADD CONSTRAINT "member_passes_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pass_grants" ADD CONSTRAINT "pass_grants_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_passes_pending_idx" ON "member_passes" USING btree ("token_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pass_grants_member_rule_idx" ON "pass_grants" USING btree ("member_id","rule_id");--> statement-breakpoint
ALTER TABLE "mint_attempts" ADD CONSTRAINT "mint_attempts_kind_check" CHECK (kind IN ('stamp', 'prize', 'pass', 'tier', 'transfer'));--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_kind_check" CHECK (kind IN ('stamp', 'prize', 'pass', 'tier'));