import { z } from 'zod';

// Default zod messages in Chinese for anything a schema does not word itself.
z.config(z.locales.zhCN());
