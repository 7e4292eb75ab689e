import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from '#client/router';

/**
 * A link to a screen of the app: a real anchor (so it can be opened in a new tab, copied, read by a
 * screen reader as a link) that a plain click follows without reloading the page.
 */
export function AppLink({ to, onClick, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    // Modified or middle clicks keep the browser's meaning (new tab, new window, download).
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={follow} {...rest} />;
}
