import type { PointsHistoryLine, PointsReasonCode } from '../../shared/protocol/points.ts';
import type { Db } from '../db/open.ts';
import { type MemberHistoryLine, memberHistory } from './ledger.ts';

/** A ledger history line as the member's API sends it (epoch ms, reason params never missing). */
export function toHistoryLine(line: MemberHistoryLine): PointsHistoryLine {
  return {
    id: line.id,
    at: line.at.getTime(),
    amount: line.amount,
    reason: { code: line.reason.code as PointsReasonCode, params: line.reason.params ?? {} },
    source: line.source,
    partnerId: line.partnerId,
  };
}

/** One page of a member's history, newest first, with the `before` of the next page (null on the last page). */
export async function historyPage(
  db: Db,
  memberId: string,
  opts: { before?: number | undefined; limit: number },
): Promise<{ history: PointsHistoryLine[]; nextBefore: number | null }> {
  const lines = await memberHistory(db, memberId, {
    limit: opts.limit + 1,
    ...(opts.before === undefined ? {} : { beforeId: opts.before }),
  });
  const page = lines.slice(0, opts.limit);
  const last = page.at(-1);
  return {
    history: page.map(toHistoryLine),
    nextBefore: lines.length > opts.limit && last ? last.id : null,
  };
}
