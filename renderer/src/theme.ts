import { createTheme, type MantineColorsTuple } from '@mantine/core';

// A calm, slightly desaturated blue: easy on the eyes for a screen that stays open all day.
const desk: MantineColorsTuple = ['#eef4fa', '#dde7f1', '#b7cde3', '#8eb1d5', '#6c99c9', '#568ac2', '#4982bf', '#3a6fa8', '#316397', '#225586'];

const CJK_FONTS = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';

export const theme = createTheme({
  primaryColor: 'desk',
  primaryShade: 7,
  colors: { desk },
  fontFamily: CJK_FONTS,
  headings: {
    fontFamily: CJK_FONTS,
    fontWeight: '600',
    sizes: {
      h1: { fontSize: '24px', lineHeight: '1.35' },
      h2: { fontSize: '20px', lineHeight: '1.35' },
      h3: { fontSize: '17px', lineHeight: '1.4' },
      h4: { fontSize: '15px', lineHeight: '1.45' },
    },
  },
  // 15px body text: readable for a whole shift, still compact enough for dense tables
  fontSizes: { xs: '12px', sm: '14px', md: '15px', lg: '17px', xl: '19px' },
  lineHeights: { xs: '1.45', sm: '1.5', md: '1.55', lg: '1.55', xl: '1.6' },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  components: {
    Modal: {
      defaultProps: { centered: true, overlayProps: { backgroundOpacity: 0.35 } },
      styles: { title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } },
    },
    Tooltip: { defaultProps: { openDelay: 300 } },
    Notification: { defaultProps: { withBorder: true } },
  },
});
