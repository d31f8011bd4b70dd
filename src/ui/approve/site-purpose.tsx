// Why the site says it asks, in its own words — shown as text, in quotes, so
// it reads as the site talking and not the wallet.
export function SitePurpose({ purpose }: { purpose: string }) {
  return (
    <figure class="purpose">
      <figcaption class="purpose__caption">The site says:</figcaption>
      <blockquote class="purpose__text">“{purpose.trim()}”</blockquote>
    </figure>
  );
}
