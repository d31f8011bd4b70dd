// Suggestions for the language and time zone fields: the browser's own
// languages and the time zones it knows. Typing anything else is fine.
const COMMON_LANGUAGES = ['en-GB', 'en-US', 'de-DE', 'es-ES', 'fr-FR', 'hi-IN', 'it-IT', 'ja-JP', 'nl-NL', 'pt-BR', 'zh-CN'];

function languages(): string[] {
  return [...new Set([...navigator.languages.filter((tag) => /^[a-z]{2,3}(-|$)/.test(tag)), ...COMMON_LANGUAGES])];
}

function timeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? [];
}

export function Suggestions({ id, kind }: { id: string; kind: 'locale' | 'zoneinfo' }) {
  const values = kind === 'locale' ? languages() : timeZones();
  return (
    <datalist id={id}>
      {values.map((value) => (
        <option key={value} value={value} />
      ))}
    </datalist>
  );
}
