// Does the key binding (DESIGN §2) vouch for the key that signed? Checked
// offline, this proves only "whoever holds this RSA encryption key vouches for
// this ed25519 key under this atSign's name": the dataSignature covers the
// value alone, so anyone can make a binding that names any atSign. Whether the
// encryption key is that atSign's is the resolver's question (resolver.ts).
import { SIGNING_KEY_PREFIX } from '../../keys';
import { importRsaPublicKey, MIN_RSA_BITS, modulusBits, rsaVerify } from '../../keys/rsa';
import { decodeBase64 } from '../../shared/base64';
import { SignInError, SignInErrorCode } from './errors';
import { checkAtSignLine } from './fields';
import { quote } from './grammar';

const bad = (message: string, cause?: unknown) => new SignInError(SignInErrorCode.BAD_KEY_BINDING, message, { cause });

const FIELDS = ['atKey', 'value', 'dataSignature', 'encryptionPublicKey'] as const;
type Binding = Record<(typeof FIELDS)[number], string>;

function asBinding(binding: unknown): Binding {
  const record = binding as Record<string, unknown> | null;
  if (typeof record !== 'object' || record === null || !FIELDS.every((f) => typeof record[f] === 'string')) {
    throw bad(`The keyBinding must be an object with text ${FIELDS.join(', ')}.`);
  }
  return record as Binding;
}

/** The atSign an atKey `public:signing_key.atwallet@alice` names, in normalised form. */
function boundAtSign(atKey: string): string {
  const atSign = atKey.startsWith(SIGNING_KEY_PREFIX) ? atKey.slice(SIGNING_KEY_PREFIX.length) : '';
  if (checkAtSignLine(atSign) !== null) {
    throw bad(`The keyBinding's atKey ${quote(atKey)} must be "${SIGNING_KEY_PREFIX}" then a normalised atSign.`);
  }
  return atSign;
}

async function importEncryptionKey(spki: string): Promise<CryptoKey> {
  const der = decodeBase64(spki);
  if (der === null) throw bad("The keyBinding's encryptionPublicKey is not base64.");
  let key: CryptoKey;
  try {
    key = await importRsaPublicKey(der);
  } catch (error) {
    throw bad("The keyBinding's encryptionPublicKey is not an RSA public key (DER SPKI).", error);
  }
  if (!(modulusBits(key) >= MIN_RSA_BITS)) throw bad(`The keyBinding's encryptionPublicKey is shorter than ${MIN_RSA_BITS} bits.`);
  return key;
}

/** Returns the binding's atSign and encryption key once the binding is shown to vouch for `publicKey`. */
export async function checkKeyBinding(
  binding: unknown,
  publicKey: string,
): Promise<{ atSign: string; encryptionPublicKey: string }> {
  const { atKey, value, dataSignature, encryptionPublicKey } = asBinding(binding);
  if (value !== publicKey) throw bad("The keyBinding's value is not the publicKey that signed the message.");
  const atSign = boundAtSign(atKey);
  const signature = decodeBase64(dataSignature);
  if (signature === null) throw bad("The keyBinding's dataSignature is not base64.");
  const key = await importEncryptionKey(encryptionPublicKey);
  if (!(await rsaVerify(key, signature, value))) {
    throw bad("The keyBinding's dataSignature does not verify over its value with its encryptionPublicKey.");
  }
  return { atSign, encryptionPublicKey };
}
