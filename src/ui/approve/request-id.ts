// The approval window's URL carries one thing: the id of the waiting request.
// Everything else is asked of the background, so nothing a site wrote travels in URLs.
export function requestIdFrom(search: string): string | null {
  const id = new URLSearchParams(search).get('id');
  return id && id.length <= 64 ? id : null;
}
