// The popup and approval window read hosts through the same decoding that the
// look-alike check compares them with, so what is shown is what is compared.
export { decodePunycode, hostToUnicode } from '@/src/shared/look-alike/unicode-host';
