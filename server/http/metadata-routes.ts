import { join } from 'node:path';
import express, { type Application, type RequestHandler, Router } from 'express';
import { loungePassAbi } from '../../contracts/abi/LoungePass.ts';
import { routes } from '../../shared/protocol/routes.ts';
import type { AppContext } from '../context.ts';
import { sendError } from './errors.ts';

const TIER_NAMES = ['', 'Silver', 'Gold', 'Platinum'] as const;

/** Where this server answers when no PUBLIC_URL is set; never built from a Host header, which clients choose. */
function localBase(ctx: AppContext, port: number | undefined): string {
  const { host } = ctx.config;
  return `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port ?? ctx.config.port}`;
}

/**
 * Token metadata and pass art are public: wallets and marketplaces read them from pages on their own sites. Any origin
 * may read them, never with credentials (these replace the allow-list's headers Colyseus' listener has already set).
 */
const readableFromAnyOrigin: RequestHandler = (_req, res, next) => {
  res.removeHeader('Access-Control-Allow-Credentials');
  res.set('Access-Control-Allow-Origin', '*');
  next();
};

/** ERC-721 metadata JSON for a pass, read from the pass's on-chain tier so it can never disagree with the chain. */
export function mountMetadataRoutes(
  app: Application,
  ctx: AppContext,
  options: { publicUrl: string | undefined },
): void {
  const router = Router();
  router.get(routes.passMetadata.path, readableFromAnyOrigin);
  router.get(routes.passMetadata.path, async (req, res) => {
    const { id } = req.params;
    if (!/^\d{1,20}$/.test(id))
      return sendError(res, 400, 'invalidTokenId', 'token ids are decimal integers');
    const { chain } = ctx;
    const address = chain.contracts.LoungePass;
    if (!address) return sendError(res, 503, 'contractMissing', 'LoungePass is not deployed on this chain');
    let tier: number;
    try {
      tier = await chain.publicClient.readContract({
        address,
        abi: loungePassAbi,
        functionName: 'tierOf',
        args: [BigInt(id)],
      });
    } catch {
      return sendError(res, 404, 'tokenNotFound', `no pass #${id} on chain ${chain.chainId}`);
    }
    const tierName = TIER_NAMES[tier] ?? `Tier ${tier}`;
    res.set('cache-control', 'public, max-age=60');
    res.json({
      name: `Layover Lounge Pass #${id}`,
      description: `A ${tierName} membership pass of the Layover lounge. It opens the lounges its tier allows.`,
      image: `${options.publicUrl ?? localBase(ctx, req.socket.localPort)}/passes/${tierName.toLowerCase()}.svg`,
      attributes: [{ trait_type: 'Tier', value: tierName }],
    });
  });
  // Pass art is served from assets/ directly, so metadata works without a client build.
  app.use(
    routes.passArt.path,
    readableFromAnyOrigin,
    express.static(join(import.meta.dirname, '../../assets/passes'), { maxAge: '1d' }),
  );
  app.use(router);
}
