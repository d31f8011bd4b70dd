// Writes a sign-in message (DESIGN §4) from its fields — what the wallet signs.
// Every field passes the same checks the parser makes, so whatever this
// writes parses back to the same fields, and build(parse(text)) === text.
import { grammarError } from './errors';
import { checkAtSignLine, checkDomain, checkStatement, checkUri, type FieldCheck } from './fields';
import {
  HEADER_SUFFIX,
  KNOWN_KEYS,
  MAX_MESSAGE_CHARS,
  OPTIONAL_FIELDS,
  REQUIRED_FIELDS,
  RESOURCE_PREFIX,
  RESOURCES_LINE,
  fieldLine,
  quote,
} from './grammar';
import type { SignInFields } from './types';

type Fields = Record<string, unknown>;

/** `value` if it is text that passes `check`; `name` is the field as the caller spelled it. */
function checked(name: string, value: unknown, check: FieldCheck): string {
  if (typeof value !== 'string') throw grammarError(`The "${name}" field must be text.`);
  const problem = check(value);
  if (problem !== null) throw grammarError(`The "${name}" field ${quote(value)} ${problem}.`);
  return value;
}

/** Absent and `undefined` are the same: callers often spread objects with unset fields. */
const optional = (fields: Fields, key: string, check: FieldCheck): string | undefined =>
  fields[key] === undefined ? undefined : checked(key, fields[key], check);

function resourceLines(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length === 0) {
    throw grammarError('The "resources" field must be a non-empty list of URIs (leave it out when there are none).');
  }
  return [RESOURCES_LINE, ...value.map((uri: unknown, i) => `${RESOURCE_PREFIX}${checked(`resources[${i}]`, uri, checkUri)}`)];
}

export function buildSignInMessage(input: SignInFields): string {
  if (typeof input !== 'object' || input === null) throw grammarError('The sign-in fields must be an object.');
  const fields: Fields = { ...input, version: input.version ?? '1' };
  const unknown = Object.keys(fields).find((key) => !KNOWN_KEYS.has(key));
  // A field the message cannot carry would silently go unsigned.
  if (unknown !== undefined) throw grammarError(`"${unknown}" is not a field of the sign-in message.`);

  const lines = [
    `${checked('domain', fields.domain, checkDomain)}${HEADER_SUFFIX}`,
    checked('atSign', fields.atSign, checkAtSignLine),
    '',
  ];
  const statement = optional(fields, 'statement', checkStatement);
  if (statement !== undefined) lines.push(statement, '');
  for (const field of REQUIRED_FIELDS) {
    lines.push(fieldLine(field.label, checked(field.key, fields[field.key], field.check)));
  }
  for (const field of OPTIONAL_FIELDS) {
    const value = optional(fields, field.key, field.check);
    if (value !== undefined) lines.push(fieldLine(field.label, value));
  }
  lines.push(...resourceLines(fields.resources));

  const message = lines.join('\n');
  if (message.length > MAX_MESSAGE_CHARS) throw grammarError(`The sign-in message would be longer than ${MAX_MESSAGE_CHARS} characters.`);
  return message;
}
