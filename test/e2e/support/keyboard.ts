// Driving a screen the way a keyboard user does, and looking at it the way a screen reader does.
import type { Locator, Page } from 'playwright-core';

export interface FocusStop {
  /** Tag, role and name, e.g. `button "Test connection"`. */
  label: string;
  /** Whether the picture of the control changes when it takes focus. */
  focusVisible: boolean;
}

const PAD = 6;

/**
 * Presses Tab until focus comes round to a control it has already been on (at most `max` presses),
 * and returns every stop in order. At each stop the control is pictured focused and again with
 * focus taken off it; a control whose picture does not change has no visible focus. Leave form
 * fields valid before calling: taking focus off a field is "leaving" it, which shows its errors.
 */
export async function walkTabOrder(page: Page, max = 120): Promise<FocusStop[]> {
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('[data-e2e-stop]'))
      el.removeAttribute('data-e2e-stop');
  });
  const viewport = page.viewportSize() ?? { width: 1366, height: 768 };
  const stops: FocusStop[] = [];
  // Where focus came back into the page from the browser's own controls: the top of the page.
  let top: number | undefined;
  const fromTop = () => (top === undefined ? stops : [...stops.slice(top), ...stops.slice(0, top)]);
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const seen = await page.evaluate((n) => {
      const el = document.activeElement;
      if (!el || el === document.body) return 'outside';
      if (el.hasAttribute('data-e2e-stop')) return 'again';
      el.setAttribute('data-e2e-stop', String(n));
      return 'new';
    }, i);
    if (seen === 'again') return fromTop();
    if (seen === 'outside') {
      top = stops.length;
      continue;
    }
    const el = page.locator(`[data-e2e-stop="${i}"]`);
    const label = await describe(el);
    const box = await el.boundingBox();
    if (!box) {
      stops.push({ label, focusVisible: false });
      continue;
    }
    const x = Math.max(0, box.x - PAD);
    const y = Math.max(0, box.y - PAD);
    const clip = {
      x,
      y,
      width: Math.min(viewport.width, box.x + box.width + PAD) - x,
      height: Math.min(viewport.height, box.y + box.height + PAD) - y,
    };
    const focused = await page.screenshot({ clip, animations: 'disabled' });
    await el.evaluate((e) => (e as HTMLElement).blur());
    const unfocused = await page.screenshot({ clip, animations: 'disabled' });
    await el.evaluate((e) => (e as HTMLElement).focus());
    stops.push({ label, focusVisible: !focused.equals(unfocused) });
  }
  throw new Error(`focus did not come round within ${max} presses of Tab`);
}

async function describe(el: Locator): Promise<string> {
  const [node] = await el.ariaSnapshotJSON({ depth: 0 }).then((j) => (Array.isArray(j) ? j : [j]));
  const { role, name } = (node ?? {}) as { role?: string; name?: string };
  const tag = await el.evaluate((e) => e.tagName.toLowerCase());
  return `${role ?? tag} "${name ?? ''}"`;
}

/**
 * The controls a keyboard user must be able to reach on the page: links, buttons, fields and
 * anything given a tabindex, visible and not disabled. In a tab list only the selected tab is a Tab
 * stop (the arrow keys move between tabs), so the others are left out.
 */
export async function keyboardControls(page: Page): Promise<string[]> {
  const handles = await page
    .locator(
      'a[href], button, input:not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"])',
    )
    .all();
  const out: string[] = [];
  for (const h of handles) {
    const skip = await h.evaluate((e) => {
      if ((e as HTMLButtonElement).disabled) return true;
      // Focus guards a focus manager adds around groups are hidden from users by design.
      if (e.closest('[aria-hidden="true"]') || e.hasAttribute('data-tabster-dummy')) return true;
      if (e.getAttribute('role') === 'tab' && e.getAttribute('aria-selected') !== 'true')
        return true;
      // Hidden by display or visibility (the skip link is only moved off screen, so it counts).
      const style = getComputedStyle(e);
      return (
        style.display === 'none' || style.visibility === 'hidden' || e.getClientRects().length === 0
      );
    });
    if (!skip) out.push(await describe(h));
  }
  return out;
}

/** Presses Tab until `target` has focus; fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((e) => e === document.activeElement)) return;
  }
  throw new Error(`Tab did not reach ${String(target)} within ${max} presses`);
}

export const hasFocus = (target: Locator) => target.evaluate((e) => e === document.activeElement);

interface AriaNode {
  role?: string;
  name?: string;
  children?: (AriaNode | string)[];
}

/** Roles a user operates; each must have a name a screen reader can say. */
const OPERABLE = new Set([
  'button',
  'checkbox',
  'combobox',
  'link',
  'listbox',
  'menuitem',
  'option',
  'radio',
  'searchbox',
  'slider',
  'spinbutton',
  'switch',
  'tab',
  'textbox',
]);

/** Every operable node in the page's accessibility snapshot that has no accessible name. */
export async function unnamedControls(page: Page): Promise<string[]> {
  const tree = (await page.locator('body').ariaSnapshotJSON()) as unknown;
  const out: string[] = [];
  const visit = (n: AriaNode | string, path: string) => {
    if (typeof n === 'string') return;
    const here = n.role ? `${path} > ${n.role}${n.name ? ` "${n.name}"` : ''}` : path;
    if (n.role && OPERABLE.has(n.role) && !n.name?.trim()) out.push(here);
    for (const c of n.children ?? []) visit(c, here);
  };
  for (const n of Array.isArray(tree) ? (tree as AriaNode[]) : [tree as AriaNode]) visit(n, '');
  return out;
}

/** Form fields in the DOM with no label, aria-label or aria-labelledby. */
export async function unlabelledFields(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('input:not([type="hidden"]), select, textarea')]
      .filter((e) => {
        const f = e as HTMLInputElement;
        const byLabel = (f.labels?.length ?? 0) > 0;
        const byAria =
          (f.getAttribute('aria-label') ?? '').trim() !== '' ||
          (f.getAttribute('aria-labelledby') ?? '')
            .split(/\s+/)
            .some((id) => (document.getElementById(id)?.textContent ?? '').trim() !== '');
        return !byLabel && !byAria;
      })
      .map((e) => e.outerHTML.slice(0, 120)),
  );
}

/** How far the page, or the app's scrolling <main>, is wider than the window (0 when it fits). */
export async function horizontalOverflow(page: Page): Promise<{ page: number; main: number }> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const main = document.querySelector('main');
    return {
      page: Math.max(0, root.scrollWidth - root.clientWidth),
      // <main> hides horizontal overflow rather than scrolling it: content cut off counts too.
      main: main ? Math.max(0, main.scrollWidth - main.clientWidth) : 0,
    };
  });
}
