/** Every shipped locale by tag, for the toolbar's locale switcher and the Locales stories. */
import type { Locale } from '../src/components/labels.js';
import { ar } from '../src/locales/ar.js';
import { de } from '../src/locales/de.js';
import { es } from '../src/locales/es.js';
import { fr } from '../src/locales/fr.js';
import { he } from '../src/locales/he.js';
import { it } from '../src/locales/it.js';
import { ja } from '../src/locales/ja.js';
import { ko } from '../src/locales/ko.js';
import { nl } from '../src/locales/nl.js';
import { pl } from '../src/locales/pl.js';
import { ptBR } from '../src/locales/pt-BR.js';
import { ru } from '../src/locales/ru.js';
import { zhCN } from '../src/locales/zh-CN.js';

export const STORY_LOCALES: Record<string, { title: string; labels?: Locale }> = {
  en: { title: 'English (default)' },
  ar: { title: 'العربية (ar, RTL)', labels: ar },
  de: { title: 'Deutsch (de)', labels: de },
  es: { title: 'Español (es)', labels: es },
  fr: { title: 'Français (fr)', labels: fr },
  he: { title: 'עברית (he, RTL)', labels: he },
  it: { title: 'Italiano (it)', labels: it },
  ja: { title: '日本語 (ja)', labels: ja },
  ko: { title: '한국어 (ko)', labels: ko },
  nl: { title: 'Nederlands (nl)', labels: nl },
  pl: { title: 'Polski (pl)', labels: pl },
  'pt-BR': { title: 'Português do Brasil (pt-BR)', labels: ptBR },
  ru: { title: 'Русский (ru)', labels: ru },
  'zh-CN': { title: '简体中文 (zh-CN)', labels: zhCN },
};
