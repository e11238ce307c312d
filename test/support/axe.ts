import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** How much axe-core says a finding hurts: a screen may have no serious or critical one. */
export type AxeImpact = 'minor' | 'moderate' | 'serious' | 'critical';

/** One rule axe-core found broken, with its impact and the elements that break it. */
export interface AxeFinding {
  id: string;
  impact: AxeImpact | null;
  targets: string[];
}

/** The rules every axe check here runs: WCAG 2.1 levels A and AA. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;
/** axe-core's rules outside WCAG (landmarks, one h1, heading order): what issue 21's moderate findings came from. */
export const BEST_PRACTICE = ['best-practice'] as const;

/** axe-core's findings (WCAG 2.1 A/AA unless `tags` says) on the page or inside `selector`, with their impact. */
export async function axeFindings(
  page: Page,
  selector?: string,
  tags: readonly string[] = WCAG_21_AA,
): Promise<AxeFinding[]> {
  // Evaluated through DevTools, not as an inline <script>: the pages' CSP (rightly) refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ([include, values]) => {
      interface AxeResult {
        violations: { id: string; impact?: string | null; nodes: { target: string[] }[] }[];
      }
      const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResult> } }).axe;
      const result = await axe.run(include ? { include: [include] } : document, {
        runOnly: { type: 'tag', values },
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: (v.impact ?? null) as AxeImpact | null,
        targets: v.nodes.map((n) => n.target.join(' ')),
      }));
    },
    [selector ?? null, [...tags]] as const,
  );
}

/** axe-core's WCAG 2.1 A/AA findings on the page (or inside `selector`), one line each. */
export async function axeViolations(page: Page, selector?: string): Promise<string[]> {
  const findings = await axeFindings(page, selector);
  return findings.map((finding) => `${finding.id}: ${finding.targets.join(', ')}`);
}
