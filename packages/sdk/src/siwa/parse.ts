// Reads a sign-in message (DESIGN §4) strictly: exact line order, no missing
// or extra lines, "\n" only, no trailing whitespace. A server verifies the
// signature over the text, so any second way to write the same fields would
// be a second text to sign; strictness keeps it one text, one meaning.
import { grammarError, type SignInError } from './errors';
import { checkAtSignLine, checkDomain, checkStatement, checkUri, type FieldCheck } from './fields';
import {
  FIELD_ORDER,
  HEADER_SUFFIX,
  MAX_MESSAGE_CHARS,
  OPTIONAL_FIELDS,
  REQUIRED_FIELDS,
  RESOURCE_PREFIX,
  RESOURCES_LINE,
  quote,
  type LabelledField,
} from './grammar';
import type { SignInMessage } from './types';

const ALL_LABELS = [...REQUIRED_FIELDS, ...OPTIONAL_FIELDS].map((f) => `${f.label}: `);
const isFieldLine = (line: string): boolean => line === RESOURCES_LINE || ALL_LABELS.some((l) => line.startsWith(l));

/** Walks the lines once, numbering them from 1 as a person reading the message would. */
class Lines {
  private index = 0;
  constructor(private readonly lines: string[]) {}

  get number(): number {
    return this.index + 1;
  }

  get done(): boolean {
    return this.index >= this.lines.length;
  }

  peek(): string | undefined {
    return this.lines[this.index];
  }

  /** The next line, or an error saying the message stopped where `expected` should be. */
  take(expected: string): string {
    const line = this.lines[this.index];
    if (line === undefined) throw grammarError(`The message ends at line ${this.index} where ${expected} should follow.`);
    this.index += 1;
    return line;
  }

  /** An error for the line just taken: what it should be and what it is. */
  wrong(line: string, expected: string): SignInError {
    return grammarError(`Line ${this.number - 1} must be ${expected}, not ${quote(line)}.`);
  }

  /** As `wrong`, where a field line found instead most likely means a missing, repeated or reordered line. */
  misplaced(line: string, expected: string): SignInError {
    const hint = isFieldLine(line) ? ` (a line is missing, repeated or out of order; the order is ${FIELD_ORDER})` : '';
    return grammarError(`Line ${this.number - 1} must be ${expected}, not ${quote(line)}${hint}.`);
  }

  /** Runs a field check on the line just taken. */
  check(field: string, value: string, check: FieldCheck): string {
    const problem = check(value);
    if (problem !== null) throw grammarError(`Line ${this.number - 1} (${field}): ${quote(value)} ${problem}.`);
    return value;
  }
}

/** Line endings and trailing whitespace first: they are invisible, so name them before anything else. */
function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 1 && lines.at(-1) === '') {
    throw grammarError(`The message must not end with a line break (line ${lines.length} is empty).`);
  }
  lines.forEach((line, i) => {
    if (line.includes('\r')) throw grammarError(`Line ${i + 1} contains a carriage return: lines end with "\\n" only.`);
    if (/[ \t]$/.test(line)) throw grammarError(`Line ${i + 1} ends with whitespace.`);
  });
  return lines;
}

function readHeader(lines: Lines): Pick<SignInMessage, 'domain' | 'atSign'> {
  const header = lines.take('the header');
  if (!header.endsWith(HEADER_SUFFIX)) throw lines.wrong(header, `"<domain>${HEADER_SUFFIX}"`);
  const domain = lines.check('domain', header.slice(0, -HEADER_SUFFIX.length), checkDomain);
  const atSign = lines.check('atSign', lines.take('the atSign'), checkAtSignLine);
  const blank = lines.take('an empty line');
  if (blank !== '') throw lines.wrong(blank, 'empty');
  return { domain, atSign };
}

/** The statement and its blank line are both there or both absent: "URI: " right after the blank line means none. */
function readStatement(lines: Lines): string | undefined {
  if (lines.peek()?.startsWith('URI: ')) return undefined;
  const statement = lines.take('the statement or the URI line');
  if (statement === '') throw lines.wrong(statement, 'the statement or the URI line (with no statement there is one empty line, not two)');
  lines.check('statement', statement, checkStatement);
  const blank = lines.take('an empty line after the statement');
  if (blank !== '') throw lines.wrong(blank, 'empty (the statement is one line, followed by an empty line)');
  return statement;
}

function readField(lines: Lines, field: LabelledField): string {
  const prefix = `${field.label}: `;
  const line = lines.take(`"${prefix}…"`);
  if (!line.startsWith(prefix)) throw lines.misplaced(line, `"${prefix}…"`);
  return lines.check(field.label, line.slice(prefix.length), field.check);
}

function readResources(lines: Lines): string[] {
  const resources: string[] = [];
  while (!lines.done) {
    const line = lines.take('a resource');
    if (!line.startsWith(RESOURCE_PREFIX)) throw lines.misplaced(line, `"${RESOURCE_PREFIX}<URI>" (only resources follow "${RESOURCES_LINE}")`);
    resources.push(lines.check('resource', line.slice(RESOURCE_PREFIX.length), checkUri));
  }
  if (resources.length === 0) throw grammarError(`Line ${lines.number - 1}: "${RESOURCES_LINE}" must be followed by at least one "${RESOURCE_PREFIX}<URI>" line.`);
  return resources;
}

export function parseSignInMessage(text: string): SignInMessage {
  if (typeof text !== 'string') throw grammarError('The sign-in message must be text.');
  if (text.length > MAX_MESSAGE_CHARS) throw grammarError(`The sign-in message is longer than ${MAX_MESSAGE_CHARS} characters.`);
  const lines = new Lines(splitLines(text));
  const message: Record<string, unknown> = readHeader(lines);
  const statement = readStatement(lines);
  if (statement !== undefined) message.statement = statement;
  for (const field of REQUIRED_FIELDS) message[field.key] = readField(lines, field);
  for (const field of OPTIONAL_FIELDS) {
    if (lines.peek()?.startsWith(`${field.label}: `)) message[field.key] = readField(lines, field);
  }
  if (lines.peek() === RESOURCES_LINE) {
    lines.take(RESOURCES_LINE);
    message.resources = readResources(lines);
  }
  if (!lines.done) {
    const extra = lines.take('nothing');
    if (isFieldLine(extra)) throw lines.misplaced(extra, 'the end of the message');
    throw grammarError(`Line ${lines.number - 1} is not a line of the sign-in message: ${quote(extra)}.`);
  }
  return message as unknown as SignInMessage;
}
