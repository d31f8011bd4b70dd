// Types for the library files the look-alike check imports directly.

// punycode.js ships no types; these are the calls the wallet makes.
declare module 'punycode.js' {
  const punycode: {
    decode(input: string): string;
    encode(input: string): string;
  };
  export default punycode;
}

// tldts's own minified build: the same code and list as its module entry, but
// bundled from that entry the list's text is copied into each place that
// reads it (about 140 kB more, 66 kB more gzipped).
declare module 'tldts/dist/index.esm.min.js' {
  export * from 'tldts';
}
