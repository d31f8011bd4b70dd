// The one method table. Every method the wallet serves is declared here once:
// who may call it, what it needs before it runs, its params (validated at the
// boundary) and its result type. The background dispatcher, the UI client and
// the types a site sees are all derived from this table, so adding a method is
// one entry here plus one handler in src/background/handlers. The entries are
// kept in a few files by theme; this is where they become one table.
import type * as s from '../schema';
import { approvalMethods } from './approvals';
import { atPlatformMethods } from './atplatform';
import { pageMethods } from './page';
import { personaMethods } from './personas';
import { walletMethods } from './wallet';

/**
 * Who may call a method. A page is any web page, identified by the origin the
 * browser reports; `ui` is the extension's own pages (popup, onboarding,
 * approval). Nothing is reachable from pages unless marked `page`.
 */
export type CallerKind = 'page' | 'ui';

/**
 * What the permission pipeline must establish before the handler runs.
 * `none`: nothing — the handler itself answers only what the caller may know.
 * `unlocked`: the vault is unlocked (else 4900).
 * `grant`: the calling site holds a grant in force (else 4100); the wallet is unlocked (else 4900).
 * `consent`: the person approves this request in the wallet's window (else 4001).
 */
export type Permission = 'none' | 'unlocked' | 'grant' | 'consent';

export interface MethodSpec {
  caller: CallerKind;
  permission: Permission;
  /** Recorded in the activity log after it succeeds. */
  activity?: 'connect' | 'read' | 'signIn';
  /**
   * Asked by the wallet's pages on their own, not by the person acting: it
   * does not put off auto-lock (a window a site opened must not keep the
   * wallet unlocked).
   */
  passive?: true;
  params: s.Schema<unknown>;
  result: s.Schema<unknown>;
}

export const methods = {
  ...pageMethods,
  ...walletMethods,
  ...personaMethods,
  ...approvalMethods,
  ...atPlatformMethods,
} as const satisfies Record<string, MethodSpec>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type ParamsOf<M extends MethodName> = s.Infer<Methods[M]['params']>;
export type ResultOf<M extends MethodName> = s.Infer<Methods[M]['result']>;
export type MethodsFor<C extends CallerKind> = {
  [M in MethodName]: Methods[M]['caller'] extends C ? M : never;
}[MethodName];
export type PageMethodName = MethodsFor<'page'>;
export type UiMethodName = MethodsFor<'ui'>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}
