/** The only font the 3D text loads: shipped in assets/, served from the same origin. */
export const FONT_URL = '/fonts/DejaVuSans.ttf';
export const FONT_BOLD_URL = '/fonts/DejaVuSans-Bold.ttf';
