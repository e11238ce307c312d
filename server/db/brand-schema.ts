import { customType, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { BrandKit } from '../../shared/protocol/brand.ts';

/** PostgreSQL's bytea as a Node Buffer (PGlite hands back a Uint8Array, wrapped here). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** Every published brand kit, newest highest: the live one is the last; earlier ones stay as its history. */
export const brandKits = pgTable('brand_kits', {
  version: integer('version').primaryKey(),
  kit: jsonb('kit').$type<BrandKit>().notNull(),
  publishedBy: text('published_by').notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Images uploaded for brand kits, keyed by the sha256 of their bytes, so the same file is stored once. */
export const brandImages = pgTable('brand_images', {
  id: text('id').primaryKey(),
  mime: text('mime').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  bytes: bytea('bytes').notNull(),
  uploadedBy: text('uploaded_by').notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A stored kit version as read back. */
export type BrandKitRow = typeof brandKits.$inferSelect;
