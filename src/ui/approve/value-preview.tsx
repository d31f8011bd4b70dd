// A value the site would see, as text. A picture the wallet holds itself (a
// data: URL) is shown small; an address elsewhere is shown as the address,
// since loading it would tell that server the window is open.
const LOCAL_PICTURE = /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+=*$/;

export function ValuePreview({ id, name, value }: { id: string; name: string; value: string }) {
  if (name === 'picture' && LOCAL_PICTURE.test(value)) {
    return (
      <span id={id} class="value-preview">
        <img class="value-preview__picture" src={value} alt="Your picture" width={40} height={40} />
      </span>
    );
  }
  return (
    <span id={id} class={name === 'address' ? 'value-preview value-preview--lines' : 'value-preview'}>
      {value}
    </span>
  );
}
