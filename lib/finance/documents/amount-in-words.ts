import type { Locale } from '@/drizzle/schema/values';

// An amount "in words" as accounting documents write it beside the figure ("сума прописом"):
// the whole units spelled out with the currency's name in the right grammatical form, the
// hundredths in figures. Works on the decimal string digit by digit, never through a float.

type Gender = 'm' | 'f';
/** Singular, few (2-4), many (5-20, 0): Ukrainian and Russian; English uses [one, other, other]. */
type Forms = readonly [string, string, string];
type CurrencyWords = { major: Forms; majorGender: Gender; minor: Forms };

type Language = {
  zero: string;
  ones: Record<Gender, readonly string[]>;
  teens: readonly string[];
  tens: readonly string[];
  hundreds: readonly string[];
  /** Thousand, million, billion, trillion with their gender. */
  scales: readonly { forms: Forms; gender: Gender }[];
  currencies: Record<string, CurrencyWords>;
};

const UK: Language = {
  zero: 'нуль',
  ones: {
    m: ['', 'один', 'два', 'три', 'чотири', 'п’ять', 'шість', 'сім', 'вісім', 'дев’ять'],
    f: ['', 'одна', 'дві', 'три', 'чотири', 'п’ять', 'шість', 'сім', 'вісім', 'дев’ять'],
  },
  teens: ['десять', 'одинадцять', 'дванадцять', 'тринадцять', 'чотирнадцять', 'п’ятнадцять', 'шістнадцять', 'сімнадцять', 'вісімнадцять', 'дев’ятнадцять'],
  tens: ['', '', 'двадцять', 'тридцять', 'сорок', 'п’ятдесят', 'шістдесят', 'сімдесят', 'вісімдесят', 'дев’яносто'],
  hundreds: ['', 'сто', 'двісті', 'триста', 'чотириста', 'п’ятсот', 'шістсот', 'сімсот', 'вісімсот', 'дев’ятсот'],
  scales: [
    { forms: ['тисяча', 'тисячі', 'тисяч'], gender: 'f' },
    { forms: ['мільйон', 'мільйони', 'мільйонів'], gender: 'm' },
    { forms: ['мільярд', 'мільярди', 'мільярдів'], gender: 'm' },
    { forms: ['трильйон', 'трильйони', 'трильйонів'], gender: 'm' },
  ],
  currencies: {
    UAH: { major: ['гривня', 'гривні', 'гривень'], majorGender: 'f', minor: ['копійка', 'копійки', 'копійок'] },
    USD: { major: ['долар', 'долари', 'доларів'], majorGender: 'm', minor: ['цент', 'центи', 'центів'] },
    EUR: { major: ['євро', 'євро', 'євро'], majorGender: 'm', minor: ['цент', 'центи', 'центів'] },
  },
};

const RU: Language = {
  zero: 'ноль',
  ones: {
    m: ['', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'],
    f: ['', 'одна', 'две', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'],
  },
  teens: ['десять', 'одиннадцать', 'двенадцать', 'тринадцать', 'четырнадцать', 'пятнадцать', 'шестнадцать', 'семнадцать', 'восемнадцать', 'девятнадцать'],
  tens: ['', '', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'],
  hundreds: ['', 'сто', 'двести', 'триста', 'четыреста', 'пятьсот', 'шестьсот', 'семьсот', 'восемьсот', 'девятьсот'],
  scales: [
    { forms: ['тысяча', 'тысячи', 'тысяч'], gender: 'f' },
    { forms: ['миллион', 'миллиона', 'миллионов'], gender: 'm' },
    { forms: ['миллиард', 'миллиарда', 'миллиардов'], gender: 'm' },
    { forms: ['триллион', 'триллиона', 'триллионов'], gender: 'm' },
  ],
  currencies: {
    UAH: { major: ['гривна', 'гривны', 'гривен'], majorGender: 'f', minor: ['копейка', 'копейки', 'копеек'] },
    USD: { major: ['доллар', 'доллара', 'долларов'], majorGender: 'm', minor: ['цент', 'цента', 'центов'] },
    EUR: { major: ['евро', 'евро', 'евро'], majorGender: 'm', minor: ['цент', 'цента', 'центов'] },
  },
};

const EN_ONES = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const EN = {
  teens: ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'],
  tens: ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'],
  scales: ['thousand', 'million', 'billion', 'trillion'],
  currencies: {
    UAH: { major: ['hryvnia', 'hryvnias', 'hryvnias'], minor: ['kopiyka', 'kopiykas', 'kopiykas'] },
    USD: { major: ['dollar', 'dollars', 'dollars'], minor: ['cent', 'cents', 'cents'] },
    EUR: { major: ['euro', 'euros', 'euros'], minor: ['cent', 'cents', 'cents'] },
  } as Record<string, { major: Forms; minor: Forms }>,
};

const DECIMAL = /^-?(\d+)(?:\.(\d+))?$/;

/** The whole part as groups of three digits, most significant first ("1234567" → [1, 234, 567]). */
function groupsOf(digits: string): number[] {
  const trimmed = digits.replace(/^0+(?=\d)/, '');
  const padded = trimmed.padStart(Math.ceil(trimmed.length / 3) * 3, '0');
  const groups: number[] = [];
  for (let i = 0; i < padded.length; i += 3) groups.push(Number(padded.slice(i, i + 3)));
  return groups;
}

/** Slavic plural form index for a count: 1 → 0, 2-4 → 1, else 2 (11-14 → 2). */
function slavicForm(n: number): 0 | 1 | 2 {
  const lastTwo = n % 100;
  const last = n % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return 2;
  if (last === 1) return 0;
  if (last >= 2 && last <= 4) return 1;
  return 2;
}

function slavicTriple(n: number, gender: Gender, lang: Language): string[] {
  const words: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h) words.push(lang.hundreds[h] ?? '');
  if (rest >= 10 && rest < 20) words.push(lang.teens[rest - 10] ?? '');
  else {
    const t = Math.floor(rest / 10);
    const o = rest % 10;
    if (t) words.push(lang.tens[t] ?? '');
    if (o) words.push(lang.ones[gender][o] ?? '');
  }
  return words;
}

function slavicWords(whole: string, minor: string, currency: string, lang: Language): string {
  const money = lang.currencies[currency];
  const groups = groupsOf(whole);
  const words: string[] = [];
  groups.forEach((group, index) => {
    const scaleIndex = groups.length - 2 - index;
    if (group === 0) return;
    if (scaleIndex < 0) {
      words.push(...slavicTriple(group, money?.majorGender ?? 'm', lang));
      return;
    }
    const scale = lang.scales[scaleIndex];
    if (!scale) throw new RangeError(`Amount too large to write in words: ${whole}`);
    words.push(...slavicTriple(group, scale.gender, lang), scale.forms[slavicForm(group)]);
  });
  if (words.length === 0) words.push(lang.zero);
  const last = groups[groups.length - 1] ?? 0;
  const major = money ? money.major[slavicForm(last)] : currency;
  const minorCount = Number(minor);
  const minorWord = money ? money.minor[slavicForm(minorCount)] : '';
  return `${words.join(' ')} ${major} ${minor}${minorWord ? ` ${minorWord}` : ''}`;
}

function englishBelowThousand(n: number): string {
  const h = Math.floor(n / 100);
  const rest = n % 100;
  const parts: string[] = [];
  if (h) parts.push(`${EN_ONES[h]} hundred`);
  if (rest) {
    let tail: string;
    if (rest < 10) tail = EN_ONES[rest] ?? '';
    else if (rest < 20) tail = EN.teens[rest - 10] ?? '';
    else tail = [EN.tens[Math.floor(rest / 10)], EN_ONES[rest % 10]].filter(Boolean).join('-');
    parts.push(h ? `and ${tail}` : tail);
  }
  return parts.join(' ');
}

function englishWords(whole: string, minor: string, currency: string): string {
  const groups = groupsOf(whole);
  const words: string[] = [];
  groups.forEach((group, index) => {
    const scaleIndex = groups.length - 2 - index;
    if (group === 0) return;
    if (scaleIndex >= EN.scales.length) throw new RangeError(`Amount too large to write in words: ${whole}`);
    const text = englishBelowThousand(group);
    // "one thousand and five": the last group below a hundred joins with "and".
    const joiner = scaleIndex < 0 && words.length > 0 && group < 100 ? 'and ' : '';
    words.push(scaleIndex >= 0 ? `${text} ${EN.scales[scaleIndex]}` : `${joiner}${text}`);
  });
  if (words.length === 0) words.push('zero');
  const money = EN.currencies[currency];
  const last = groups[groups.length - 1] ?? 0;
  const one = groups.length === 1 && last === 1;
  const major = money ? money.major[one ? 0 : 1] : currency;
  const minorWord = money ? money.minor[Number(minor) === 1 ? 0 : 1] : '';
  return `${words.join(' ')} ${major} and ${minor}${minorWord ? ` ${minorWord}` : ''}`;
}

/**
 * "12345.6" in UAH → "дванадцять тисяч триста сорок п’ять гривень 60 копійок" (uk). The sign is
 * ignored: the sentence around it says who owes whom. Currencies other than UAH, USD and EUR
 * keep their code after the words.
 */
export function amountInWords(amount: string, currency: string, locale: Locale): string {
  const match = DECIMAL.exec(amount.trim());
  if (!match) throw new Error(`Not a decimal amount: "${amount}"`);
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > 2 && /[1-9]/.test(fraction.slice(2))) throw new RangeError(`More than two decimals: "${amount}"`);
  const minor = fraction.slice(0, 2).padEnd(2, '0');
  if (locale === 'en') return englishWords(whole, minor, currency);
  return slavicWords(whole, minor, currency, locale === 'ru' ? RU : UK);
}
