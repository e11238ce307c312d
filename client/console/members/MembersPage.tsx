import { useId, useRef, useState } from 'react';
import { mayDo } from '../../../shared/protocol/staff-roles.ts';
import { type ConsoleMemberView, MEMBER_SEARCH_LIMIT, searchMembers } from '../api.ts';
import { type ConsoleErrorCode, consoleErrorOf } from '../errors.ts';
import { useT } from '../i18n/useT.ts';
import { withSession } from '../session.ts';
import { useConsoleStore } from '../store.ts';
import { MemberTable } from './MemberTable.tsx';
import { RebindForm } from './RebindForm.tsx';

/**
 * Support: find a member by display name or member id (emails come masked), and, for admins, re-bind the email of
 * a member who lost every way in, after checking who they are outside Layover. Hosts can search but not re-bind.
 */
export function MembersPage() {
  const t = useT();
  const ids = { q: useId(), heading: useId() };
  const isAdmin = useConsoleStore((state) => mayDo(state.me?.roles ?? [], 'support'));
  const [q, setQ] = useState('');
  const [searched, setSearched] = useState<string | null>(null);
  const [found, setFound] = useState<ConsoleMemberView[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ConsoleErrorCode | null>(null);
  const [rebinding, setRebinding] = useState<ConsoleMemberView | null>(null);
  const [done, setDone] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);

  const search = async (query: string) => {
    const clean = query.trim();
    if (!clean || clean.length > 100) return setError('invalidQuery');
    setBusy(true);
    setError(null);
    try {
      const answer = await withSession((token) => searchMembers(token, clean));
      setFound(answer.members);
      setSearched(clean);
    } catch (failure) {
      setError(consoleErrorOf(failure));
    } finally {
      setBusy(false);
    }
  };

  const rebound = (member: ConsoleMemberView) => {
    setRebinding(null);
    setDone(t('members.rebound', { name: member.name, email: member.email ?? '' }));
    setFound((list) => list?.map((row) => (row.id === member.id ? member : row)) ?? null);
    searchRef.current?.focus();
  };

  return (
    <section className="card" aria-labelledby={ids.heading} data-testid="console-members">
      <div className="section-head">
        <h2 id={ids.heading}>{t('members.heading')}</h2>
      </div>
      <p className="hint">{t('members.intro')}</p>
      {!isAdmin && <p className="note">{t('members.adminOnly')}</p>}
      <form
        className="field-row"
        onSubmit={(event) => {
          event.preventDefault();
          setDone('');
          void search(q);
        }}
      >
        <div className="field">
          <label htmlFor={ids.q}>{t('members.searchLabel')}</label>
          <input
            id={ids.q}
            ref={searchRef}
            type="search"
            value={q}
            maxLength={100}
            onChange={(event) => setQ(event.target.value)}
            data-testid="console-members-q"
          />
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy} data-testid="console-members-search">
            {busy ? t('members.searching') : t('members.search')}
          </button>
        </div>
      </form>
      <p role="alert" className="error">
        {error ? t(`error.${error}`) : ''}
      </p>
      <p role="status" className="ok" data-testid="console-members-status">
        {done ||
          (found && searched !== null
            ? found.length === 0
              ? t('members.none', { q: searched })
              : t('members.found', { count: found.length })
            : '')}
      </p>
      {found && found.length >= MEMBER_SEARCH_LIMIT && (
        <p className="hint">{t('members.limit', { count: MEMBER_SEARCH_LIMIT })}</p>
      )}
      {found && found.length > 0 && (
        <MemberTable
          members={found}
          canRebind={isAdmin}
          onRebind={(member) => {
            setDone('');
            setRebinding(member);
          }}
        />
      )}
      {rebinding && (
        <RebindForm
          key={rebinding.id}
          member={rebinding}
          onDone={rebound}
          onCancel={() => setRebinding(null)}
        />
      )}
    </section>
  );
}
