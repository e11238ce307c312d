/** The 3D text's fonts: DejaVu Sans cut to Latin and Vietnamese (assets/fonts/subset.sh), served from the same origin. */
export const FONT_URL = '/fonts/DejaVuSans-latin-vi.ttf';
export const FONT_BOLD_URL = '/fonts/DejaVuSans-Bold-latin-vi.ttf';
