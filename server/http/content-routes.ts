import type { Application } from 'express';
import { routes } from '../../shared/protocol/routes.ts';
import type { AppContext } from '../context.ts';

/**
 * GET /api/content: the member-safe bundle of the version this process runs (no trivia questions or answers), with
 * ETag "v<version>" so a client revalidates cheaply (304) and refetches after a `contentChanged` notice.
 */
export function mountContentRoutes(app: Application, ctx: AppContext): void {
  app.get(routes.content.path, (req, res) => {
    const snapshot = ctx.content.current();
    res.set({ etag: snapshot.etag, 'cache-control': 'no-cache' });
    const wanted = req.get('if-none-match');
    if (wanted?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === snapshot.etag))
      return res.status(304).end();
    res.json(snapshot.member);
  });
}
