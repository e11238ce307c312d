import {
  CONTENT_LISTS,
  type ContentBundle,
  type ContentChange,
  type ContentIssue,
  ContentRemoval,
} from '../../shared/protocol/content.ts';

/** The key an item is known by in its list: a gate by its room, every other item by its id. */
const keyOf = (kind: ContentChange['kind'], item: unknown): unknown =>
  kind === 'gate' ? (item as { room?: unknown }).room : (item as { id?: unknown }).id;

/**
 * Applies console edits to a bundle, in order, without validating the items (checkBundle does that): a body replaces
 * the item of that id or adds it; `{ remove: true }` removes it; a gate's body is its rule. An edit whose body names
 * another id than its address is an issue.
 */
export function applyChanges(
  bundle: ContentBundle,
  changes: readonly ContentChange[],
): { draft: Record<keyof ContentBundle, unknown[]>; issues: ContentIssue[] } {
  const draft = Object.fromEntries(
    Object.entries(bundle).map(([list, items]) => [list, [...(items as unknown[])]]),
  ) as Record<keyof ContentBundle, unknown[]>;
  const issues: ContentIssue[] = [];
  for (const change of changes) {
    const list = draft[CONTENT_LISTS[change.kind]];
    const at = list.findIndex((item) => keyOf(change.kind, item) === change.id);
    if (ContentRemoval.safeParse(change.body).success) {
      if (at >= 0) list.splice(at, 1);
      continue;
    }
    const item = change.kind === 'gate' ? { room: change.id, rule: change.body } : change.body;
    const named = keyOf(change.kind, item ?? {});
    if (named !== change.id) {
      issues.push({
        kind: change.kind,
        id: change.id,
        path: 'id',
        message: `must be "${change.id}", the id edited`,
      });
      continue;
    }
    if (at >= 0) list[at] = item;
    else list.push(item);
  }
  return { draft, issues };
}
