import { z } from 'zod';
import { chineseZodError } from '../../shared/contract/zod-chinese';
// The page's CSP forbids eval, so zod must not compile validators with new Function.
z.config({ jitless: true });
z.config({ localeError: chineseZodError });

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { DatesProvider } from '@mantine/dates';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/charts/styles.css';
import './styles/app.css';
import { theme } from './theme';
import { App } from './App';

dayjs.locale('zh-cn');
document.documentElement.lang = 'zh-CN';
document.title = 'FrontDesk 物业服务中心前台';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      {/* bottom-right: at the top they would cover the search box and the page's action buttons */}
      <Notifications position="bottom-right" limit={4} />
      {/* calendars in Chinese, weeks from Monday, whatever the machine's locale */}
      <DatesProvider settings={{ locale: 'zh-cn', firstDayOfWeek: 1 }}>
        <App />
      </DatesProvider>
    </MantineProvider>
  </StrictMode>,
);
