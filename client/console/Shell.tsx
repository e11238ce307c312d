import { lazy, Suspense } from 'react';
import { mayDo } from '../../shared/protocol/staff-roles.ts';
import { LanguageSwitcher } from '../core/i18n/LanguageSwitcher.tsx';
import { EventPage } from './event/EventPage.tsx';
import { EventsPage } from './events/EventsPage.tsx';
import { useT } from './i18n/useT.ts';
import { MembersPage } from './members/MembersPage.tsx';
import { staffLabel } from './names.ts';
import { endSession } from './session.ts';
import { useConsoleStore } from './store.ts';
import { mayOpen } from './team/pages.ts';

/** The content editor brings the quest, prize and gate schemas; it loads when its tab opens. */
const ContentPage = lazy(() => import('./content/ContentPage.tsx'));
/** The points page (liability, partners, adjustments) loads when its tab opens. */
const PointsPage = lazy(() => import('./points/PointsPage.tsx'));
/** The check-in desk (with its QR decoder) loads when its tab opens. */
const CheckinPage = lazy(() => import('./checkin/CheckinPage.tsx'));
/** The brand kit editor loads when its tab opens. */
const BrandPage = lazy(() => import('./brand/BrandPage.tsx'));
/** Segments and campaigns load when their tab opens. */
const CampaignsPage = lazy(() => import('./campaigns/CampaignsPage.tsx'));
/** Program analytics (charts, tables, CSV exports) load when their tab opens. */
const AnalyticsPage = lazy(() => import('./analytics/AnalyticsPage.tsx'));

/** The team page (roles and the audit log, owners) loads when its tab opens. */
const TeamPage = lazy(() => import('./team/TeamPage.tsx'));

/** The signed-in console: header with sections (events, content, members, points, check-in), language and sign-out, then the page. */
export function Shell() {
  const t = useT();
  const me = useConsoleStore((state) => state.me);
  const view = useConsoleStore((state) => state.view);
  const show = useConsoleStore((state) => state.show);
  const locale = useConsoleStore((state) => state.locale);
  const setLocale = useConsoleStore((state) => state.setLocale);
  const current = view.page === 'event' ? 'events' : view.page;
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        {/* The page's h1 on every console page (axe: page-has-heading-one); most pages head their own part with an h2. */}
        <h1 className="brand">LAYOVER</h1>
        <nav aria-label={t('nav.label')}>
          {me && mayOpen(me.roles, 'events') && (
            <button
              type="button"
              aria-current={current === 'events' ? 'page' : undefined}
              onClick={() => show({ page: 'events' })}
              data-testid="console-nav-events"
            >
              {t('nav.events')}
            </button>
          )}
          {me && mayOpen(me.roles, 'content') && (
            <button
              type="button"
              aria-current={current === 'content' ? 'page' : undefined}
              onClick={() => show({ page: 'content' })}
              data-testid="console-nav-content"
            >
              {t('nav.content')}
            </button>
          )}
          {me && mayOpen(me.roles, 'members') && (
            <button
              type="button"
              aria-current={current === 'members' ? 'page' : undefined}
              onClick={() => show({ page: 'members' })}
              data-testid="console-nav-members"
            >
              {t('nav.members')}
            </button>
          )}
          {me && mayOpen(me.roles, 'points') && (
            <button
              type="button"
              aria-current={current === 'points' ? 'page' : undefined}
              onClick={() => show({ page: 'points' })}
              data-testid="console-nav-points"
            >
              {t('nav.points')}
            </button>
          )}
          {me && mayOpen(me.roles, 'checkin') && (
            <button
              type="button"
              aria-current={current === 'checkin' ? 'page' : undefined}
              onClick={() => show({ page: 'checkin' })}
              data-testid="console-nav-checkin"
            >
              {t('nav.checkin')}
            </button>
          )}
          {me && mayDo(me.roles, 'content') && (
            <button
              type="button"
              aria-current={current === 'brand' ? 'page' : undefined}
              onClick={() => show({ page: 'brand' })}
              data-testid="console-nav-brand"
            >
              {t('brand.nav')}
            </button>
          )}
          {me && mayOpen(me.roles, 'campaigns') && (
            <button
              type="button"
              aria-current={current === 'campaigns' ? 'page' : undefined}
              onClick={() => show({ page: 'campaigns' })}
              data-testid="console-nav-campaigns"
            >
              {t('campaigns.nav')}
            </button>
          )}
          {me && mayDo(me.roles, 'analytics') && (
            <button
              type="button"
              aria-current={current === 'analytics' ? 'page' : undefined}
              onClick={() => show({ page: 'analytics' })}
              data-testid="console-nav-analytics"
            >
              {t('program.nav')}
            </button>
          )}
          {me && mayOpen(me.roles, 'team') && (
            <button
              type="button"
              aria-current={current === 'team' ? 'page' : undefined}
              onClick={() => show({ page: 'team' })}
              data-testid="console-nav-team"
            >
              {t('team.nav')}
            </button>
          )}
        </nav>
        <div className="topbar-end">
          <LanguageSwitcher
            locale={locale}
            onChange={setLocale}
            label={t('lang.label')}
            className="lang"
            testId="console-language"
          />
          {me && (
            <span className="hint" data-testid="console-me">
              {t('signIn.signedInAs', {
                address: staffLabel(me),
                role: me.roles.map((role) => t(`team.role.${role}`)).join(', '),
              })}
            </span>
          )}
          <button type="button" onClick={() => void endSession()} data-testid="console-sign-out">
            {t('signIn.signOut')}
          </button>
        </div>
      </header>
      <main id="main" className="console-main" tabIndex={-1}>
        {view.page === 'events' && <EventsPage />}
        {view.page === 'event' && <EventPage key={view.eventId} eventId={view.eventId} />}
        {view.page === 'members' && <MembersPage />}
        {view.page === 'points' && (
          <Suspense fallback={<p className="hint">{t('nav.loading')}</p>}>
            <PointsPage />
          </Suspense>
        )}
        {view.page === 'checkin' && (
          <Suspense fallback={<p className="hint">{t('nav.loading')}</p>}>
            <CheckinPage />
          </Suspense>
        )}
        {view.page === 'brand' && (
          <Suspense fallback={<p className="hint">{t('nav.loading')}</p>}>
            <BrandPage />
          </Suspense>
        )}
        {view.page === 'campaigns' && (
          <Suspense fallback={<p className="hint">{t('nav.loading')}</p>}>
            <CampaignsPage />
          </Suspense>
        )}
        {view.page === 'analytics' && (
          <Suspense fallback={<p className="hint">{t('nav.loading')}</p>}>
            <AnalyticsPage />
          </Suspense>
        )}
        {view.page === 'team' && (
          <Suspense fallback={<p className="hint">{t('nav.loading')}</p>}>
            <TeamPage />
          </Suspense>
        )}
        {view.page === 'content' && (
          <Suspense fallback={<p className="hint">{t('nav.loading')}</p>}>
            <ContentPage />
          </Suspense>
        )}
      </main>
    </>
  );
}
