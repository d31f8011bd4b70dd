import { listActivity } from './activity';
import { answerApproval, askAgainHandler, getApproval, listQuietSitesHandler } from './approval-window';
import { getAtPlatform, reconnectAtServer, setAtPlatformRoot, setAtServerAddress } from './atplatform';
import { activateAtSign, awaitEnrollment, cancelEnrollment, requestEnrollment } from './enrollment';
import { getGrant } from './get-grant';
import { createAtSign, exportAtKeys, importAtKeys, removeAtSign, setActiveAtSign } from './identities';
import { listGrants, revokeGrant, updateGrant } from './grants';
import { deletePersonaHandler, listPersonasHandler, reorderPersonasHandler, savePersonaHandler } from './personas';
import { signIn } from './sign-in';
import { connect, disconnect, readProfile } from './site-access';
import { changePassphrase, getState, lock, setAutoLock, setup, unlock } from './state';
import type { Handlers } from './types';

export const handlers: Handlers = {
  atsign_connect: connect,
  atsign_getGrant: getGrant,
  atsign_readProfile: readProfile,
  atsign_signIn: signIn,
  atsign_disconnect: disconnect,
  wallet_revokeGrant: revokeGrant,
  wallet_updateGrant: updateGrant,
  wallet_listActivity: listActivity,
  wallet_getApproval: getApproval,
  wallet_answerApproval: answerApproval,
  wallet_listQuietSites: listQuietSitesHandler,
  wallet_askAgain: askAgainHandler,
  wallet_listGrants: listGrants,
  wallet_getState: getState,
  wallet_setup: setup,
  wallet_unlock: unlock,
  wallet_lock: lock,
  wallet_changePassphrase: changePassphrase,
  wallet_setAutoLock: setAutoLock,
  wallet_importAtKeys: importAtKeys,
  wallet_createAtSign: createAtSign,
  wallet_exportAtKeys: exportAtKeys,
  wallet_setActiveAtSign: setActiveAtSign,
  wallet_removeAtSign: removeAtSign,
  wallet_listPersonas: listPersonasHandler,
  wallet_savePersona: savePersonaHandler,
  wallet_deletePersona: deletePersonaHandler,
  wallet_reorderPersonas: reorderPersonasHandler,
  wallet_getAtPlatform: getAtPlatform,
  wallet_setAtPlatformRoot: setAtPlatformRoot,
  wallet_setAtServerAddress: setAtServerAddress,
  wallet_reconnectAtServer: reconnectAtServer,
  wallet_requestEnrollment: requestEnrollment,
  wallet_awaitEnrollment: awaitEnrollment,
  wallet_cancelEnrollment: cancelEnrollment,
  wallet_activateAtSign: activateAtSign,
};
