// troika-three-text ships no types; the one call Layover makes itself (drei's <Text> wraps the rest).
declare module 'troika-three-text' {
  export function configureTextBuilder(config: {
    useWorker?: boolean;
    defaultFontURL?: string;
    unicodeFontsURL?: string;
    sdfGlyphSize?: number;
  }): void;
}
