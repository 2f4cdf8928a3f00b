import type { LanguageCode } from '../../domain/language/types';
import { DE } from './de';
import { EN } from './en';
import { ES } from './es';
import { FR } from './fr';
import { IT } from './it';
import { NL } from './nl';
import { PT } from './pt';
import type { WarmIntroTexts } from './types';

export type { IssueKind, IssueValues, WarmIntroTexts } from './types';

/** The warm intro's words in each language Baton reads (the customer's is the decision's `language`). */
export const WARM_INTRO_TEXTS: Record<LanguageCode, WarmIntroTexts> = { en: EN, es: ES, fr: FR, de: DE, pt: PT, it: IT, nl: NL };
