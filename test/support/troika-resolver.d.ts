// The fallback-font resolver troika-three-text runs on the text it cannot draw with the given font (untyped there).
declare module 'troika-three-text/libs/unicode-font-resolver-client.factory.js' {
  export default function createResolverClient(): {
    getFontsForString(
      text: string,
      options: { lang?: string; dataUrl?: string },
    ): Promise<{ fontUrls: string[]; chars: Uint8Array }>;
  };
}
