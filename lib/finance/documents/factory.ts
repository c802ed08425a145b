import type { Locale } from '@/drizzle/schema/values';

// The factory's own details as its documents print them (the reconciliation statement's first
// side). One place: when accounting's legal details change, they change here. The portal's
// demo factory is "Оптима вікна та двері" (common.factoryName); the codes below are well-formed
// (the ЄДРПОУ check digit and the IBAN checksum are right) but belong to no real company.

export type FactoryRequisites = {
  /** The legal name as it is written in the document's language. */
  legalName: string;
  /** ЄДРПОУ, the register code of the legal entity. */
  taxId: string;
  address: string;
  phone: string;
  email: string;
  iban: string;
  bank: string;
  /** Who signs reconciliation statements for the factory. */
  signatory: { position: string; name: string };
};

const SHARED = {
  taxId: '43187254',
  phone: '+380 44 390 12 34',
  email: 'buh@optima-vikna.example',
  iban: 'UA683052990000026007012345678',
} as const;

const FACTORY: Record<Locale, FactoryRequisites> = {
  uk: {
    ...SHARED,
    legalName: 'ТОВ «Оптима вікна та двері»',
    address: '03150, м. Київ, вул. Велика Васильківська, 139',
    bank: 'АТ КБ «ПриватБанк», МФО 305299',
    signatory: { position: 'Головний бухгалтер', name: 'Ірина Коваль' },
  },
  ru: {
    ...SHARED,
    legalName: 'ООО «Оптима окна и двери»',
    address: '03150, г. Киев, ул. Большая Васильковская, 139',
    bank: 'АО КБ «ПриватБанк», МФО 305299',
    signatory: { position: 'Главный бухгалтер', name: 'Ирина Коваль' },
  },
  en: {
    ...SHARED,
    legalName: 'Optima Windows and Doors LLC',
    address: '139 Velyka Vasylkivska St, Kyiv 03150, Ukraine',
    bank: 'JSC CB PrivatBank, bank code 305299',
    signatory: { position: 'Chief accountant', name: 'Iryna Koval' },
  },
};

export function factoryRequisites(locale: Locale): FactoryRequisites {
  return FACTORY[locale];
}
