/**
 * Every shipped locale is a complete `Locale`: a key added to `FiledockLabels` (or an error code
 * added to core) fails here until each translation has it. `satisfies Locale` in each file keeps
 * its own literal type, so a missing key shows in `typeof de`, not only inside the file.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { ErrorCode } from '../../src/core/errors.js';
import type {
  FiledockLabels,
  FiledockLabelsInput,
  Locale,
  TranslatedErrorCode,
} from '../../src/components/labels.js';
import { ar } from '../../src/locales/ar.js';
import { de } from '../../src/locales/de.js';
import { es } from '../../src/locales/es.js';
import { fr } from '../../src/locales/fr.js';
import { he } from '../../src/locales/he.js';
import { it as italian } from '../../src/locales/it.js';
import { ja } from '../../src/locales/ja.js';
import { ko } from '../../src/locales/ko.js';
import { nl } from '../../src/locales/nl.js';
import { pl } from '../../src/locales/pl.js';
import { ptBR } from '../../src/locales/pt-BR.js';
import { ru } from '../../src/locales/ru.js';
import { zhCN } from '../../src/locales/zh-CN.js';

/** Keys of every group, flattened to `group.key`, required ones only. */
type Keys<T> = {
  [G in keyof T & string]-?: T[G] extends (...args: never[]) => unknown
    ? G
    : T[G] extends object
      ? `${G}.${keyof T[G] & string}`
      : G;
}[keyof T & string];

describe('locales', () => {
  it('each locale has every key of every group of the English labels', () => {
    expectTypeOf<Keys<typeof de>>().toEqualTypeOf<Keys<Locale>>();
    expectTypeOf<Keys<typeof fr>>().toEqualTypeOf<Keys<Locale>>();
    expectTypeOf<Keys<typeof es>>().toEqualTypeOf<Keys<Locale>>();
    expectTypeOf<Keys<typeof ptBR>>().toEqualTypeOf<Keys<Locale>>();
    expectTypeOf<Keys<typeof italian>>().toEqualTypeOf<Keys<Locale>>();
    expectTypeOf<Keys<typeof nl>>().toEqualTypeOf<Keys<Locale>>();
    expectTypeOf<Keys<typeof pl>>().toEqualTypeOf<Keys<Locale>>();
    expectTypeOf<Keys<typeof ru>>().toEqualTypeOf<Keys<Locale>>();
    expectTypeOf<Keys<typeof ja>>().toEqualTypeOf<Keys<Locale>>();
    expectTypeOf<Keys<typeof zhCN>>().toEqualTypeOf<Keys<Locale>>();
    expectTypeOf<Keys<typeof ko>>().toEqualTypeOf<Keys<Locale>>();
    expectTypeOf<Keys<typeof ar>>().toEqualTypeOf<Keys<Locale>>();
    expectTypeOf<Keys<typeof he>>().toEqualTypeOf<Keys<Locale>>();
  });

  it('each locale is a Locale and goes straight into labels', () => {
    for (const locale of [de, fr, es, ptBR, italian, nl, pl, ru, ja, zhCN, ko, ar, he]) {
      expectTypeOf(locale).toExtend<Locale>();
      expectTypeOf(locale).toExtend<FiledockLabels>();
      expectTypeOf(locale).toExtend<FiledockLabelsInput>();
    }
  });

  it('a Locale requires every group and key the English labels have', () => {
    // errors: every code but http-<status>, which errorFallback covers (next test).
    type Labels = Omit<FiledockLabels, 'errors'>;
    expectTypeOf<Exclude<Keys<Labels>, Keys<Locale>>>().toBeNever();
  });

  it('a Locale translates every error code but the open-ended http-<status> family', () => {
    expectTypeOf<keyof Locale['errors']>().toEqualTypeOf<TranslatedErrorCode>();
    expectTypeOf<Exclude<ErrorCode, TranslatedErrorCode>>().toEqualTypeOf<`http-${number}`>();
  });
});
