import express, { type Application, type ErrorRequestHandler, type Request, type Response } from 'express';
import { BRAND_IMAGE_MAX_BYTES, BrandImageParams, PublishBrandBody } from '../../shared/protocol/brand.ts';
import { routes } from '../../shared/protocol/routes.ts';
import { brandImage, checkBrandImage, missingImages, storeBrandImage } from '../brand/images.ts';
import { BrandKits } from '../brand/kits.ts';
import type { AppContext } from '../context.ts';
import { recordAudit } from '../team/audit.ts';
import { requireCapability, staffOf } from './console-auth.ts';
import { describeZodError, sendError } from './errors.ts';

/** Uploaded images never change under their id (the sha256 of their bytes): cache them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The image body, read as bytes whatever content-type it claims (the file's own header decides), 1 MiB at most. */
const imageBody = express.raw({ type: () => true, limit: BRAND_IMAGE_MAX_BYTES });

/** A body over the limit is `imageTooLarge`; any other parse failure goes on to the app's handler. */
const onUploadError: ErrorRequestHandler = (error, _req, res, next) => {
  if (error?.status === 413) return sendError(res, 413, 'imageTooLarge', 'images are limited to 1 MiB');
  next(error);
};

/**
 * Brand image uploads: mounted before the app's JSON parser, so an image sent as application/json is still bytes.
 * The capability is checked before the body is read.
 */
export function mountBrandUploadRoute(app: Application, ctx: AppContext): void {
  app.post(
    routes.consoleBrandImageUpload.path,
    requireCapability(ctx, 'content'),
    imageBody,
    async (req: Request, res: Response) => {
      const bytes: Uint8Array = Buffer.isBuffer(req.body) ? req.body : new Uint8Array();
      const checked = checkBrandImage(bytes);
      if (!checked.ok)
        return sendError(res, checked.refusal.status, checked.refusal.code, checked.refusal.detail);
      await storeBrandImage(ctx.ledger.db, checked.image, bytes, staffOf(res).address);
      res.status(201).json(checked.image);
    },
    onUploadError,
  );
}

const noCache = (res: Response) => res.set('cache-control', 'no-cache');

/** The live brand kit for every visitor (with an ETag), its images, and the console's read and publish. */
export function mountBrandRoutes(app: Application, ctx: AppContext): void {
  const db = () => ctx.ledger.db;
  const kits = new BrandKits(db, () => ctx.clock.now());

  app.get(routes.brand.path, async (req, res) => {
    const view = await kits.current();
    const etag = `W/"brand-${view.version}"`;
    noCache(res).set('etag', etag);
    if (req.get('if-none-match') === etag) return res.status(304).end();
    res.json(view);
  });

  app.get(routes.brandImage.path, async (req, res) => {
    const params = BrandImageParams.safeParse(req.params);
    const image = params.success ? await brandImage(db(), params.data.id) : undefined;
    if (!image) return sendError(res, 404, 'imageNotFound', 'no brand image has this id');
    res.set({ 'content-type': image.mime, 'cache-control': IMMUTABLE, 'x-content-type-options': 'nosniff' });
    res.end(image.bytes);
  });

  app.get(routes.consoleBrand.path, requireCapability(ctx, 'content'), async (_req, res) => {
    noCache(res).json(await kits.current());
  });

  app.put(routes.consolePublishBrand.path, requireCapability(ctx, 'content'), async (req, res) => {
    const body = PublishBrandBody.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'invalidBrand', describeZodError(body.error));
    const { kit, baseVersion } = body.data;
    const images = [kit.logo, kit.screenArt].filter((id): id is string => id !== undefined);
    const missing = await missingImages(db(), images);
    if (missing.length > 0) {
      const field = missing.includes(kit.logo ?? '') ? 'logo' : 'screenArt';
      return sendError(res, 400, 'invalidBrand', `kit.${field}: no uploaded image has this id`);
    }
    const actor = staffOf(res).address;
    const outcome = await kits.publish(kit, baseVersion, actor, (tx, before, after) =>
      recordAudit(tx, {
        actor,
        action: 'brand.publish',
        target: `brand:${after.version}`,
        before: before.version === 0 ? null : before.kit,
        after: after.kit,
      }),
    );
    if (!outcome.ok)
      return sendError(
        res,
        409,
        'brandConflict',
        `version ${outcome.currentVersion} was published meanwhile`,
      );
    noCache(res).json(outcome.view);
  });
}
