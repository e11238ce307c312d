import type {
  ConsoleContent,
  ContentChange,
  ContentKind,
  ContentPreview,
  ContentPublished,
  ContentSaved,
} from '../../../shared/protocol/content.ts';
import { routes } from '../../../shared/protocol/routes.ts';
import { callRoute } from '../../core/http.ts';

// The content editor's calls (issue 20): drafts, preview, publish and rollback over the version the page shows.

/** What runs now (version and bundle), saved drafts, publish history and each prize's state on chain. */
export const fetchConsoleContent = (token: string) =>
  callRoute<ConsoleContent>(routes.consoleContent, { token });

/** Saves one item (or `{ remove: true }`) as a draft; it goes live with the next publish. */
export const saveDraft = (token: string, kind: ContentKind, id: string, body: unknown) =>
  callRoute<ContentSaved>(routes.consoleSaveContent, { token, params: { kind, id }, body });

/** Throws a draft away; the item stays as published. */
export const discardDraft = (token: string, kind: ContentKind, id: string) =>
  callRoute<unknown>(routes.consoleDeleteDraft, { token, params: { kind, id } });

/** The bundle the drafts (plus unsaved `changes`) would publish, and every issue that would refuse it. */
export const previewContent = (token: string, changes: ContentChange[] = []) =>
  callRoute<ContentPreview>(routes.consolePreviewContent, { token, body: { changes } });

/** Publishes every draft over `baseVersion`: 409 contentConflict when someone published since. */
export const publishContent = (token: string, baseVersion: number, note: string) =>
  callRoute<ContentPublished>(routes.consolePublishContent, {
    token,
    body: { baseVersion, ...(note.trim() ? { note: note.trim() } : {}) },
  });

/** Publishes a copy of `toVersion` as a new version over `baseVersion`. */
export const rollbackContent = (token: string, toVersion: number, baseVersion: number) =>
  callRoute<ContentPublished>(routes.consoleRollbackContent, { token, body: { toVersion, baseVersion } });
