import { routePath, routes } from '../../../shared/protocol/routes.ts';

/** Where an uploaded brand image is served (same origin, cached for good: the id is its hash). */
export const brandImageUrl = (id: string): string => routePath(routes.brandImage.path, { id });
