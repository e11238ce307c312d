import { routes } from '../../shared/protocol/routes.ts';

/** GET routes.devMailboxMessages: what the dev catcher holds, newest first. */
export interface DevMailboxMessages {
  messages: { to: string[]; subject: string; receivedAt: number; text: string }[];
}

/**
 * The dev mailbox: one self-contained page (no bundle, nothing external) that polls the catcher's messages every
 * two seconds and lists them, so a developer can read a sign-in code without a real mail server.
 */
export function devMailboxPage(nonce: string): string {
  const messagesPath = JSON.stringify(routes.devMailboxMessages.path);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Layover dev mailbox</title>
<style nonce="${nonce}">
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 48rem; padding: 1.5rem; color: #1d2430; }
  h1 { font-size: 1.3rem; margin: 0 0 0.25rem; }
  p.note { color: #5a6472; margin: 0 0 1.25rem; }
  article { border: 1px solid #d4d9e0; border-radius: 8px; padding: 0.75rem 1rem; margin-bottom: 0.75rem; }
  h2 { font-size: 1rem; margin: 0 0 0.25rem; }
  .meta { color: #5a6472; font-size: 0.85rem; margin-bottom: 0.5rem; }
  pre { white-space: pre-wrap; margin: 0; font: inherit; }
</style>
</head>
<body>
<main>
<h1>Dev mailbox</h1>
<p class="note">Mail this lounge sent while no SMTP_URL is set (the last 50 messages, kept in memory only).</p>
<section id="messages" aria-live="polite"><p>No mail yet.</p></section>
</main>
<script nonce="${nonce}">
  const list = document.getElementById('messages');
  function render(messages) {
    if (messages.length === 0) { list.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'No mail yet.' })); return; }
    list.replaceChildren(...messages.map((mail) => {
      const article = document.createElement('article');
      article.dataset.testid = 'mailbox-message';
      const subject = Object.assign(document.createElement('h2'), { textContent: mail.subject });
      const meta = Object.assign(document.createElement('div'), {
        className: 'meta',
        textContent: 'To ' + mail.to.join(', ') + ' · ' + new Date(mail.receivedAt).toLocaleString(),
      });
      const text = Object.assign(document.createElement('pre'), { textContent: mail.text });
      article.append(subject, meta, text);
      return article;
    }));
  }
  async function poll() {
    try {
      const response = await fetch(${messagesPath}, { cache: 'no-store' });
      if (response.ok) render((await response.json()).messages);
    } finally {
      setTimeout(poll, 2000);
    }
  }
  poll();
</script>
</body>
</html>
`;
}
