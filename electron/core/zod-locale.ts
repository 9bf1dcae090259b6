import { z } from 'zod';
import { chineseZodError } from '../../shared/contract/zod-chinese';

// Chinese for anything a schema does not word itself (the same words the window's forms use).
z.config({ localeError: chineseZodError });
