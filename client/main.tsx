// Before anything else: zod must be jitless before the first schema is built (no eval probe under the CSP).
import './core/zodJitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { restoreSession } from './account/session.ts';
import { loadBrand } from './core/brand/loadBrand.ts';
import { startContent } from './core/content/loadContent.ts';
import { HTML_LANG } from './core/i18n/htmlLang.ts';
import { useLayoverStore } from './core/store.ts';
import { loadTestHooks } from './core/testHooksGate.ts';
import './styles.css';
import './account/entry.css';

document.documentElement.lang = HTML_LANG[useLayoverStore.getState().locale];
void loadTestHooks();
// The brand's name, colours and texts (GET /api/brand); the built-in look stands until it answers, or if it fails.
void loadBrand();
// Journeys, stamps and prizes from GET /api/content, asked for at once so they are in hand by the time we are seated.
startContent();
// A browser still signed in (the refresh cookie) goes straight back to its seat; the entry form waits for the answer.
void restoreSession();

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('Layover: #root element missing from index.html');
createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
