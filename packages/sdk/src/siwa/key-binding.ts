// Does the key binding (DESIGN §2) vouch for the key that signed? Checked
// offline, this proves only "whoever holds this RSA encryption key vouches for
// this ed25519 key under this atSign's name": the dataSignature covers the
// value alone, so anyone can make a binding that names any atSign. Whether the
// encryption key is that atSign's is the resolver's question (resolver.ts).
import { parseSigningAtKey, signingKeyId } from '../../../../src/keys';
import { importRsaPublicKey, MIN_RSA_BITS, modulusBits, rsaVerify } from '../../../../src/keys/rsa';
import { decodeBase64 } from '../../../../src/shared/base64';
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

/**
 * The atSign a signing key's atKey names, in normalised form: a wallet's own
 * `public:<key id>.signing_key.atwallet@alice`, whose key id must be its
 * value's, or the first wallets' `public:signing_key.atwallet@alice`.
 */
async function boundAtSign(atKey: string, value: string): Promise<string> {
  const named = parseSigningAtKey(atKey);
  if (named === null || checkAtSignLine(named.atSign) !== null) {
    throw bad(
      `The keyBinding's atKey ${quote(atKey)} must be "public:<key id>.signing_key.atwallet" or "public:signing_key.atwallet", then a normalised atSign.`,
    );
  }
  if (named.keyId !== null && named.keyId !== (await signingKeyId(value))) {
    throw bad(`The keyBinding's atKey ${quote(atKey)} names another signing key than its value.`);
  }
  return named.atSign;
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

/** Returns the binding's atSign, atKey and encryption key once the binding is shown to vouch for `publicKey`. */
export async function checkKeyBinding(
  binding: unknown,
  publicKey: string,
): Promise<{ atSign: string; atKey: string; encryptionPublicKey: string }> {
  const { atKey, value, dataSignature, encryptionPublicKey } = asBinding(binding);
  if (value !== publicKey) throw bad("The keyBinding's value is not the publicKey that signed the message.");
  const atSign = await boundAtSign(atKey, value);
  const signature = decodeBase64(dataSignature);
  if (signature === null) throw bad("The keyBinding's dataSignature is not base64.");
  const key = await importEncryptionKey(encryptionPublicKey);
  if (!(await rsaVerify(key, signature, value))) {
    throw bad("The keyBinding's dataSignature does not verify over its value with its encryptionPublicKey.");
  }
  return { atSign, atKey, encryptionPublicKey };
}
