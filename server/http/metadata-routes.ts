import { join } from 'node:path';
import express, { type Application, Router } from 'express';
import { loungePassAbi } from '../../contracts/abi/LoungePass.ts';
import { services } from '../services.ts';
import { sendError } from './errors.ts';

const TIER_NAMES = ['', 'Silver', 'Gold', 'Platinum'] as const;

/** ERC-721 metadata JSON for a pass, read from the pass's on-chain tier so it can never disagree with the chain. */
/** Where this server answers when no PUBLIC_URL is set; never built from a Host header, which clients choose. */
function localBase(port: number | undefined): string {
  const host = services().config.host;
  return `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port ?? services().config.port}`;
}

export function mountMetadataRoutes(app: Application, options: { publicUrl: string | undefined }): void {
  const router = Router();
  router.get('/metadata/pass/:id', async (req, res) => {
    const { id } = req.params;
    if (!/^\d{1,20}$/.test(id))
      return sendError(res, 400, 'invalidTokenId', 'token ids are decimal integers');
    const { chain } = services();
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
      image: `${options.publicUrl ?? localBase(req.socket.localPort)}/passes/${tierName.toLowerCase()}.svg`,
      attributes: [{ trait_type: 'Tier', value: tierName }],
    });
  });
  // Pass art is served from assets/ directly, so metadata works without a client build.
  app.use('/passes', express.static(join(import.meta.dirname, '../../assets/passes'), { maxAge: '1d' }));
  app.use(router);
}
