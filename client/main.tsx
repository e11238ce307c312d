import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { HTML_LANG } from './i18n/htmlLang.ts';
import { useLayoverStore } from './store.ts';
import { installTestHooks } from './testHooks.ts';
import './styles.css';
import './entry.css';

document.documentElement.lang = HTML_LANG[useLayoverStore.getState().locale];
installTestHooks();

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('Layover: #root element missing from index.html');
createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
