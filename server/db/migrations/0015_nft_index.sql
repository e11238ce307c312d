CREATE TABLE "nft_token_tiers" (
	"contract" text NOT NULL,
	"tx_hash" text NOT NULL,
	"log_index" integer NOT NULL,
	"block_number" bigint NOT NULL,
	"token_id" numeric(78, 0) NOT NULL,
	"tier" integer NOT NULL,
	CONSTRAINT "nft_token_tiers_contract_tx_hash_log_index_pk" PRIMARY KEY("contract","tx_hash","log_index")
);
--> statement-breakpoint
CREATE TABLE "nft_transfers" (
	"contract" text NOT NULL,
	"tx_hash" text NOT NULL,
	"log_index" integer NOT NULL,
	"item" integer NOT NULL,
	"block_number" bigint NOT NULL,
	"token_id" numeric(78, 0) NOT NULL,
	"from_address" text NOT NULL,
	"to_address" text NOT NULL,
	"amount" numeric(78, 0) NOT NULL,
	CONSTRAINT "nft_transfers_contract_tx_hash_log_index_item_pk" PRIMARY KEY("contract","tx_hash","log_index","item")
);
--> statement-breakpoint
CREATE INDEX "nft_token_tiers_token_idx" ON "nft_token_tiers" USING btree ("contract","token_id","block_number","log_index");--> statement-breakpoint
CREATE INDEX "nft_transfers_to_idx" ON "nft_transfers" USING btree ("contract","to_address","token_id");--> statement-breakpoint
CREATE INDEX "nft_transfers_from_idx" ON "nft_transfers" USING btree ("contract","from_address","token_id");--> statement-breakpoint
CREATE INDEX "nft_transfers_block_idx" ON "nft_transfers" USING btree ("contract","block_number");