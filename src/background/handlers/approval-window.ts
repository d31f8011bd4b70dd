// What the approval window asks of the background: the waiting request, and
// the person's answer to it.
import type { ApprovalAnswer, ApprovalView, ConnectRequest, ShareChoice } from '@/src/shared/approval';
import { ErrorCode, WalletError } from '@/src/shared/errors';
import { findPersona, savePersona } from '../personas/personas';
import type { Services } from '../services';
import { askAgain, listQuietSites, quietSite } from '../approvals/quiet-sites';
import type { Handler } from './types';

export const getApproval: Handler<'wallet_getApproval'> = async ({ params }, { approvals }) => approvals.view(params.id);

const wrongAnswer = () => new WalletError(ErrorCode.InvalidParams, 'That answer does not fit this request.');

/**
 * A persona of `atSign` and only fields the site asked for. Values filled in
 * right in the window go into the persona first, checked like any edit.
 */
async function checkShare(request: ConnectRequest, answer: ShareChoice, atSign: string | null, services: Services): Promise<void> {
  const persona = await findPersona(answer.personaId, services);
  if (!persona || persona.atSign !== atSign)
    throw new WalletError(ErrorCode.InvalidParams, 'Choose one of your personas.', { reason: 'unknown-persona' });
  const asked = [...request.fields, ...request.optionalFields];
  if (answer.fields.some((f) => !asked.includes(f)))
    throw new WalletError(ErrorCode.InvalidParams, 'Only the fields the site asked for can be shared.');
  const fill = Object.fromEntries(
    Object.entries(answer.fill ?? {}).filter(([f, v]) => answer.fields.includes(f) && v !== ''),
  ) as Record<string, string>;
  if (Object.keys(fill).length === 0) return;
  // A custom field filled in here gets the label the editor would give it.
  const labels = { ...persona.labels };
  for (const field of Object.keys(fill)) if (field.startsWith('x-') && !labels[field]) labels[field] = field.slice(2);
  await savePersona({ ...persona, fields: { ...persona.fields, ...fill }, labels }, services);
}

async function check(view: ApprovalView, answer: ApprovalAnswer, services: Services): Promise<void> {
  if (!answer.approve) {
    if (answer.quiet) await quietSite(view.origin, services);
    return;
  }
  await services.vault.requireKey();
  if (view.kind === 'connect') {
    if (!('personaId' in answer)) throw wrongAnswer();
    await checkShare(view.request, answer, await services.settings.get('activeAtSign'), services);
    return;
  }
  // A sign-in shares exactly when its window asked; from the atSign it signs as.
  if (!('keepSignedIn' in answer) || Boolean(view.request) !== Boolean(answer.share)) throw wrongAnswer();
  if (view.request && answer.share) await checkShare(view.request, answer.share, view.atSign, services);
}

export const answerApproval: Handler<'wallet_answerApproval'> = async ({ params }, services) => {
  await check(services.approvals.view(params.id), params.answer, services);
  await services.approvals.answer(params.id, params.answer);
  return null;
};

export const listQuietSitesHandler: Handler<'wallet_listQuietSites'> = async (_ctx, services) => listQuietSites(services);

export const askAgainHandler: Handler<'wallet_askAgain'> = async ({ params }, services) => askAgain(params.origin, services);
