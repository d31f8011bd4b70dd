// What the window asks the person, after the site's host: in the heading and
// in the window's title.
import type { ApprovalView } from '../../shared/approval';
import { displayHost } from '../shared/origin-display';

export function question(view: ApprovalView): string {
  if (view.kind === 'connect') return 'wants to connect';
  return view.request ? 'asks you to sign in and share' : 'asks you to sign in';
}

export function questionTitle(view: ApprovalView): string {
  return `${displayHost(view.origin)} ${question(view)}`;
}
