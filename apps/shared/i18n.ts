import en from './locales/en.json';
import es from './locales/es.json';

/** The sidebar's own words, in the agent's language (English when we do not have theirs). */
export type MessageKey = keyof typeof en;
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const CATALOGS: Record<string, Record<MessageKey, string>> = { en, es };

/** 'es-419', 'es_ES', 'ES' → 'es'; unknown languages fall back to English. */
export function pickLanguage(locale: string | undefined): string {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return base in CATALOGS ? base : 'en';
}

export function translator(locale: string | undefined): Translate {
  const catalog = CATALOGS[pickLanguage(locale)]!;
  return (key, values = {}) =>
    (catalog[key] ?? en[key]).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
