// A custom field's name, made from the label the person gave it: sites see
// "x-favourite-colour" for "Favourite colour". Accents are dropped rather than
// the whole letter, so "Café" still gives "x-cafe".
const MAX_SLUG = 40;

/** The field name sites see for a label, or null when the label has no a–z or 0–9 in it. */
export function customFieldName(label: string): string | null {
  const slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
  return slug ? `x-${slug}` : null;
}
