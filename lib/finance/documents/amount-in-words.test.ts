import { describe, expect, it } from 'vitest';
import { amountInWords } from './amount-in-words';

describe('amountInWords', () => {
  it('writes hryvnias in Ukrainian with the right forms and genders', () => {
    expect(amountInWords('0', 'UAH', 'uk')).toBe('нуль гривень 00 копійок');
    expect(amountInWords('1.01', 'UAH', 'uk')).toBe('одна гривня 01 копійка');
    expect(amountInWords('2.02', 'UAH', 'uk')).toBe('дві гривні 02 копійки');
    expect(amountInWords('11.5', 'UAH', 'uk')).toBe('одинадцять гривень 50 копійок');
    expect(amountInWords('21', 'UAH', 'uk')).toBe('двадцять одна гривня 00 копійок');
    expect(amountInWords('-12345.67', 'UAH', 'uk')).toBe('дванадцять тисяч триста сорок п’ять гривень 67 копійок');
    expect(amountInWords('2000', 'UAH', 'uk')).toBe('дві тисячі гривень 00 копійок');
    expect(amountInWords('1002003.00', 'UAH', 'uk')).toBe('один мільйон дві тисячі три гривні 00 копійок');
    expect(amountInWords('214000.14', 'UAH', 'uk')).toBe('двісті чотирнадцять тисяч гривень 14 копійок');
  });

  it('writes hryvnias in Russian', () => {
    expect(amountInWords('1.00', 'UAH', 'ru')).toBe('одна гривна 00 копеек');
    expect(amountInWords('3.03', 'UAH', 'ru')).toBe('три гривны 03 копейки');
    expect(amountInWords('1685.20', 'UAH', 'ru')).toBe('одна тысяча шестьсот восемьдесят пять гривен 20 копеек');
    expect(amountInWords('2000000', 'UAH', 'ru')).toBe('два миллиона гривен 00 копеек');
    expect(amountInWords('41', 'USD', 'ru')).toBe('сорок один доллар 00 центов');
  });

  it('writes English with "and" the British way', () => {
    expect(amountInWords('1.01', 'UAH', 'en')).toBe('one hryvnia and 01 kopiyka');
    expect(amountInWords('1685.20', 'UAH', 'en')).toBe('one thousand six hundred and eighty-five hryvnias and 20 kopiykas');
    expect(amountInWords('1005', 'EUR', 'en')).toBe('one thousand and five euros and 00 cents');
    expect(amountInWords('0.99', 'UAH', 'en')).toBe('zero hryvnias and 99 kopiykas');
  });

  it('keeps the code of a currency it has no words for, and refuses what is not an amount', () => {
    expect(amountInWords('5', 'PLN', 'uk')).toBe('п’ять PLN 00');
    expect(() => amountInWords('1e3', 'UAH', 'uk')).toThrow();
    expect(() => amountInWords('1.005', 'UAH', 'uk')).toThrow();
    expect(amountInWords('1.500', 'UAH', 'uk')).toBe('одна гривня 50 копійок');
  });

  it('spells amounts far beyond what a float holds exactly', () => {
    expect(amountInWords('900719925474099.93', 'UAH', 'uk')).toBe(
      'дев’ятсот трильйонів сімсот дев’ятнадцять мільярдів дев’ятсот двадцять п’ять мільйонів чотириста сімдесят чотири тисячі дев’яносто дев’ять гривень 93 копійки',
    );
  });
});
