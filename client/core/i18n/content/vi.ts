import type { contentEn } from './en.ts';

/** Strings of the published content's loading in Vietnamese (spread into ../vi.ts). */
export const contentVi: Record<keyof typeof contentEn, string> = {
  'content.loading': 'Đang tải hành trình và tem…',
  'content.unavailable':
    'Không tải được hành trình, tem và giải thưởng. Hãy kiểm tra kết nối rồi thử lại; tiến độ của bạn vẫn được giữ nguyên.',
  'content.retry': 'Thử lại',
};
