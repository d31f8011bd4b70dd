// What the window asks the person, after the site's host: in the heading and
// in the window's title.
import type { ApprovalView } from '../../shared/approval';
import { displayHost } from '../shared/origin-display';

export const QUESTION: Record<ApprovalView['kind'], string> = {
  connect: 'wants to connect',
  signIn: 'asks you to sign in',
};

export function questionTitle(view: ApprovalView): string {
  return `${displayHost(view.origin)} ${QUESTION[view.kind]}`;
}
