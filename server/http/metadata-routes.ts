import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Application, type Request, type RequestHandler, type Response, Router } from 'express';
import { loungePassAbi } from '../../contracts/abi/LoungePass.ts';
import {
  ContractDocumentName,
  DecimalIdParam,
  Erc1155IdParam,
  type MetadataLocale,
  MetadataLocale as MetadataLocaleSchema,
  type TokenMetadata,
} from '../../shared/protocol/metadata.ts';
import { routes } from '../../shared/protocol/routes.ts';
import type { AppContext } from '../context.ts';
import { KeyedRateLimiter } from '../domain/rate-limit.ts';
import { METADATA_MAX_AGE, sendCachedJson } from '../metadata/send-document.ts';
import {
  contractDocument,
  PASS_TIERS,
  passDocument,
  prizeDocument,
  stampDocument,
} from '../metadata/token-documents.ts';
import { metadataOrigin } from '../metadata/uris.ts';
import { clientKey } from './client-ip.ts';
import { sendError } from './errors.ts';

const ASSETS = join(import.meta.dirname, '../../assets');
const ART_FILE = /^[a-z0-9]+(-[a-z0-9]+)*\.svg$/;

/**
 * Token metadata and art are public: wallets and marketplaces read them from pages on their own sites. Any origin
 * may read them, never with credentials (these replace the allow-list's headers Colyseus' listener has already set).
 */
const readableFromAnyOrigin: RequestHandler = (_req, res, next) => {
  res.removeHeader('Access-Control-Allow-Credentials');
  res.set('Access-Control-Allow-Origin', '*');
  next();
};

/** The `:locale` of a localized route (the default document is `en`); undefined after answering 404. */
function localeOf(req: Request, res: Response): MetadataLocale | undefined {
  const locale = req.params.locale;
  if (locale === undefined) return 'en';
  const parsed = MetadataLocaleSchema.safeParse(locale);
  if (parsed.success) return parsed.data;
  sendError(res, 404, 'unknownLocale', 'locales are en, zh-Hant, zh-Hans and vi');
  return undefined;
}

type Erc1155Document = (tokenId: bigint, locale: MetadataLocale, origin: string) => TokenMetadata | undefined;

/** Prize ids with their own art in assets/prizes (read once: art ships with the build, content does not). */
const PRIZE_ART = new Set(
  readdirSync(join(ASSETS, 'prizes'))
    .filter((file) => ART_FILE.test(file))
    .map((file) => file.slice(0, -'.svg'.length)),
);

/** A published stamp's document (issue 20: read from the content this process runs, so a new stamp is served). */
const stampById =
  (ctx: AppContext): Erc1155Document =>
  (tokenId, locale, origin) => {
    const { bundle } = ctx.content.current();
    const stamp = bundle.stamps.find((candidate) => BigInt(candidate.tokenId) === tokenId);
    return stamp && stampDocument(stamp, locale, origin, bundle);
  };
/** A published prize's document, a prize added by a publish included (with the collection's art if it has none). */
const prizeById =
  (ctx: AppContext): Erc1155Document =>
  (tokenId, locale, origin) => {
    const { bundle } = ctx.content.current();
    const prize = bundle.prizes.find((candidate) => BigInt(candidate.tokenId) === tokenId);
    return prize && prizeDocument(prize, locale, origin, { quests: bundle.quests, prizeArt: PRIZE_ART });
  };

/** ERC-1155 and ERC-721 metadata (default and localized), ERC-7572 collections, and the art they point at. */
export function mountMetadataRoutes(
  app: Application,
  ctx: AppContext,
  options: { publicUrl: string | undefined },
): void {
  const router = Router();
  const origin = (req: Request) =>
    metadataOrigin(
      { publicUrl: options.publicUrl, host: ctx.config.host },
      req.socket.localPort ?? ctx.config.port,
    );

  const erc1155 =
    (what: string, find: Erc1155Document): RequestHandler =>
    (req, res) => {
      const locale = localeOf(req, res);
      if (!locale) return;
      const id = Erc1155IdParam.safeParse(req.params.id);
      if (!id.success)
        return sendError(res, 400, 'invalidTokenId', 'ERC-1155 ids are 64 hex characters without 0x');
      const document = find(BigInt(`0x${id.data}`), locale, origin(req));
      if (!document) return sendError(res, 404, 'tokenNotFound', `no ${what} with id 0x${id.data}`);
      sendCachedJson(req, res, document, METADATA_MAX_AGE.content);
    };

  // Each pass answer reads the chain: a burst per client address, then 10 a second (CDNs and wallets cache a minute).
  const passReads = new KeyedRateLimiter(60, 10);
  // The pass's tier is read on chain, so its metadata can never disagree with the chain.
  const pass: RequestHandler = async (req, res) => {
    const locale = localeOf(req, res);
    if (!locale) return;
    if (!passReads.take(clientKey(req), Date.now())) {
      res.set('Retry-After', '1');
      return sendError(res, 429, 'rateLimited', 'too many pass reads from this address; wait a second');
    }
    const id = DecimalIdParam.safeParse(req.params.id);
    if (!id.success) return sendError(res, 400, 'invalidTokenId', 'token ids are decimal integers');
    const { chain } = ctx;
    const address = chain.contracts.LoungePass;
    if (!address) return sendError(res, 503, 'contractMissing', 'LoungePass is not deployed on this chain');
    const tier = await chain.publicClient
      .readContract({ address, abi: loungePassAbi, functionName: 'tierOf', args: [BigInt(id.data)] })
      .catch(() => 0);
    const tierName = PASS_TIERS[tier - 1];
    if (!tierName)
      return sendError(res, 404, 'tokenNotFound', `no pass #${id.data} on chain ${chain.chainId}`);
    sendCachedJson(req, res, passDocument(id.data, tierName, locale, origin(req)), METADATA_MAX_AGE.pass);
  };

  const contract: RequestHandler = (req, res) => {
    const name = ContractDocumentName.safeParse(req.params.name);
    if (!name.success)
      return sendError(res, 404, 'unknownContract', 'contracts are stamps, prizes and loungepass');
    sendCachedJson(req, res, contractDocument(name.data, origin(req)), METADATA_MAX_AGE.content);
  };

  const art =
    (folder: string): RequestHandler =>
    (req, res) => {
      const file = String(req.params.file ?? '');
      if (!ART_FILE.test(file)) return sendError(res, 404, 'notFound', 'no such art');
      res.sendFile(file, { root: join(ASSETS, folder), maxAge: '1d' }, (err) => {
        if (err && !res.headersSent) sendError(res, 404, 'notFound', 'no such art');
      });
    };

  const get = (path: string, handler: RequestHandler) => router.get(path, readableFromAnyOrigin, handler);
  get(routes.stampMetadata.path, erc1155('stamp', stampById(ctx)));
  get(routes.stampMetadataLocalized.path, erc1155('stamp', stampById(ctx)));
  get(routes.prizeMetadata.path, erc1155('prize', prizeById(ctx)));
  get(routes.prizeMetadataLocalized.path, erc1155('prize', prizeById(ctx)));
  get(routes.passMetadata.path, pass);
  get(routes.passMetadataLocalized.path, pass);
  get(routes.contractMetadata.path, contract);
  get(routes.stampArt.path, art('stamps'));
  get(routes.prizeArt.path, art('prizes'));
  // Pass art is served from assets/ directly, so metadata works without a client build.
  app.use(
    routes.passArt.path,
    readableFromAnyOrigin,
    express.static(join(ASSETS, 'passes'), { maxAge: '1d' }),
  );
  app.use(router);
}
