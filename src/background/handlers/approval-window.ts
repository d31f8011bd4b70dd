// What the approval window asks of the background: the waiting request, and
// the person's answer to it.
import { ErrorCode, WalletError } from '@/src/shared/errors';
import { findPersona, savePersona } from '../personas/personas';
import type { Handler } from './types';

export const getApproval: Handler<'wallet_getApproval'> = async ({ params }, { approvals }) => approvals.view(params.id);

export const answerApproval: Handler<'wallet_answerApproval'> = async ({ params }, services) => {
  const { answer } = params;
  const view = services.approvals.view(params.id);
  if (answer.approve) {
    await services.vault.requireKey();
    const persona = await findPersona(answer.personaId, services);
    const active = await services.settings.get('activeAtSign');
    if (!persona || persona.atSign !== active)
      throw new WalletError(ErrorCode.InvalidParams, 'Choose one of your personas.', { reason: 'unknown-persona' });
    const asked = [...view.request.fields, ...view.request.optionalFields];
    if (answer.fields.some((f) => !asked.includes(f)))
      throw new WalletError(ErrorCode.InvalidParams, 'Only the fields the site asked for can be shared.');
    // Values filled in right in the window go into the persona first, checked like any edit.
    const fill = Object.fromEntries(Object.entries(answer.fill ?? {}).filter(([f, v]) => answer.fields.includes(f) && v !== ''));
    if (Object.keys(fill).length)
      await savePersona({ ...persona, fields: { ...persona.fields, ...fill } }, services);
  }
  await services.approvals.answer(params.id, answer);
  return null;
};
