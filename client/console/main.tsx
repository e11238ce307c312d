// Before anything else: zod must be jitless before the first schema is built (no eval probe under the CSP).
import '../core/zodJitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { loadPublishedContent } from './content/publishedContent.ts';
import './console.css';
import './forms.css';
import './tables.css';
import './charts.css';
import './layout.css';

// Prize and stamp names for the event forms and reports come from the published content.
void loadPublishedContent();

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('Layover console: #root element missing from console.html');
createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
