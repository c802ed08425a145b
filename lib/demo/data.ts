// Reference lists of the demo data. The factory is Ukrainian and so are its dealers, so the data
// is in Ukrainian: real towns and oblasts, real profile systems and hardware brands, the glazing
// formulas and colours a dealer actually types into a configurator. Prices are in whole
// hryvnias (dealer prices, 2026 level) and turned into kopiyky where they are used.

export type Direction = 'north' | 'center' | 'west' | 'east' | 'south';

export type Town = { name: string; region: string; direction: Direction };

/** Towns with their oblast. The direction groups deliveries into trips. */
export const TOWNS: readonly Town[] = [
  { name: 'Київ', region: 'м. Київ', direction: 'north' },
  { name: 'Бровари', region: 'Київська область', direction: 'north' },
  { name: 'Бориспіль', region: 'Київська область', direction: 'north' },
  { name: 'Ірпінь', region: 'Київська область', direction: 'north' },
  { name: 'Біла Церква', region: 'Київська область', direction: 'center' },
  { name: 'Житомир', region: 'Житомирська область', direction: 'north' },
  { name: 'Бердичів', region: 'Житомирська область', direction: 'north' },
  { name: 'Чернігів', region: 'Чернігівська область', direction: 'north' },
  { name: 'Вінниця', region: 'Вінницька область', direction: 'center' },
  { name: 'Жмеринка', region: 'Вінницька область', direction: 'center' },
  { name: 'Могилів-Подільський', region: 'Вінницька область', direction: 'center' },
  { name: 'Черкаси', region: 'Черкаська область', direction: 'center' },
  { name: 'Умань', region: 'Черкаська область', direction: 'center' },
  { name: 'Кропивницький', region: 'Кіровоградська область', direction: 'center' },
  { name: 'Кременчук', region: 'Полтавська область', direction: 'center' },
  { name: 'Полтава', region: 'Полтавська область', direction: 'east' },
  { name: 'Суми', region: 'Сумська область', direction: 'east' },
  { name: 'Харків', region: 'Харківська область', direction: 'east' },
  { name: 'Дніпро', region: 'Дніпропетровська область', direction: 'east' },
  { name: "Кам'янське", region: 'Дніпропетровська область', direction: 'east' },
  { name: 'Павлоград', region: 'Дніпропетровська область', direction: 'east' },
  { name: 'Кривий Ріг', region: 'Дніпропетровська область', direction: 'south' },
  { name: 'Запоріжжя', region: 'Запорізька область', direction: 'south' },
  { name: 'Одеса', region: 'Одеська область', direction: 'south' },
  { name: 'Ізмаїл', region: 'Одеська область', direction: 'south' },
  { name: 'Миколаїв', region: 'Миколаївська область', direction: 'south' },
  { name: 'Херсон', region: 'Херсонська область', direction: 'south' },
  { name: 'Львів', region: 'Львівська область', direction: 'west' },
  { name: 'Дрогобич', region: 'Львівська область', direction: 'west' },
  { name: 'Стрий', region: 'Львівська область', direction: 'west' },
  { name: 'Тернопіль', region: 'Тернопільська область', direction: 'west' },
  { name: 'Івано-Франківськ', region: 'Івано-Франківська область', direction: 'west' },
  { name: 'Коломия', region: 'Івано-Франківська область', direction: 'west' },
  { name: 'Ужгород', region: 'Закарпатська область', direction: 'west' },
  { name: 'Мукачево', region: 'Закарпатська область', direction: 'west' },
  { name: 'Чернівці', region: 'Чернівецька область', direction: 'west' },
  { name: 'Луцьк', region: 'Волинська область', direction: 'west' },
  { name: 'Ковель', region: 'Волинська область', direction: 'west' },
  { name: 'Рівне', region: 'Рівненська область', direction: 'west' },
  { name: 'Хмельницький', region: 'Хмельницька область', direction: 'west' },
  { name: "Кам'янець-Подільський", region: 'Хмельницька область', direction: 'west' },
];

export const STREETS: readonly string[] = [
  'вул. Шевченка',
  'вул. Грушевського',
  'просп. Незалежності',
  'вул. Соборна',
  'вул. Київська',
  'вул. Лесі Українки',
  'вул. Івана Франка',
  'вул. Богдана Хмельницького',
  'вул. Промислова',
  'вул. Заводська',
  'вул. Героїв Майдану',
  'вул. Європейська',
  'просп. Миру',
  'вул. Садова',
  'вул. Гагаріна',
  'вул. Зелена',
  'вул. Вокзальна',
  'вул. Січових Стрільців',
  'вул. Степана Бандери',
  'вул. Будівельників',
];

/** Trade names of dealer companies (the legal form is added in front). */
export const COMPANY_NAMES: readonly string[] = [
  'Вікна Поділля',
  'Теплий Дім',
  'ВіконСервіс',
  'Віконний Світ',
  'Еко Вікна',
  'Панорама',
  'Вікна Плюс',
  'Тепла Оселя',
  'ПрофВікна',
  'Вікна-Люкс',
  'Віконний Майстер',
  'Оберіг',
  'Вікна Галичини',
  'Термобуд',
  'Дім Комфорт',
  'Кварц',
  'Модерн Вікна',
  'Фасад Про',
  'БудКомфорт',
  'Альфа Вікна',
  'Віконна Майстерня',
  'Ясне Вікно',
  'Вікнобуд',
  'Європрофіль',
  'Статус Вікна',
  'Тихий Дім',
  'Вікна Таврії',
  'Вікна Слобожанщини',
  'Вікна Волині',
  'Карпатські Вікна',
  'Дніпровські Вікна',
  'Сяйво',
  'Ажур',
  'Віконні Технології',
  'ТеплоБуд-Сервіс',
  'Мій Дім',
  'Затишок',
  'Світлиця',
  'Горизонт',
  'Скловік',
];

/** Legal forms with their share among dealers: ТОВ (LLC), ФОП (sole trader), ПП (private firm). */
export const LEGAL_FORMS: readonly (readonly ['ТОВ' | 'ФОП' | 'ПП', number])[] = [
  ['ТОВ', 55],
  ['ФОП', 30],
  ['ПП', 15],
];

/** Surnames in forms that fit men and women alike, so any first name goes with any of them. */
export const SURNAMES: readonly string[] = [
  'Коваленко', 'Шевченко', 'Бондаренко', 'Ткаченко', 'Кравченко', 'Мельник', 'Олійник', 'Лисенко',
  'Марченко', 'Савченко', 'Руденко', 'Бойко', 'Ткачук', 'Павленко', 'Петренко', 'Гончаренко',
  'Романюк', 'Кравчук', 'Мороз', 'Поліщук', 'Литвиненко', 'Ковальчук', 'Тимошенко', 'Мартинюк',
  'Гнатюк', 'Костенко', 'Левченко', 'Демченко', 'Захарченко', 'Яковенко', 'Онищенко', 'Пономаренко',
  'Іваненко', 'Гаврилюк', 'Сидоренко', 'Юрченко', 'Дяченко', 'Білик', 'Коваль', 'Кушнір', 'Приходько',
  'Вакуленко', 'Семенюк', 'Стасюк', 'Федорчук',
];

export const MALE_NAMES: readonly string[] = [
  'Олександр', 'Андрій', 'Сергій', 'Володимир', 'Олег', 'Дмитро', 'Микола', 'Іван', 'Василь',
  'Юрій', 'Віталій', 'Богдан', 'Тарас', 'Роман', 'Максим', 'Петро', 'Ігор', 'Назар', 'Степан',
  'Ярослав', 'Євген', 'Артем', 'Михайло', 'Руслан', 'Віктор',
];

export const FEMALE_NAMES: readonly string[] = [
  'Олена', 'Оксана', 'Наталія', 'Ірина', 'Тетяна', 'Світлана', 'Юлія', 'Марія', 'Галина',
  'Людмила', 'Анна', 'Катерина', 'Вікторія', 'Ольга', 'Христина', 'Софія', 'Лариса', 'Алла',
  'Інна', 'Надія',
];

/** Patronymics as [for a man, for a woman]. */
export const PATRONYMICS: readonly (readonly [string, string])[] = [
  ['Петрович', 'Петрівна'],
  ['Іванович', 'Іванівна'],
  ['Васильович', 'Василівна'],
  ['Миколайович', 'Миколаївна'],
  ['Олександрович', 'Олександрівна'],
  ['Сергійович', 'Сергіївна'],
  ['Володимирович', 'Володимирівна'],
  ['Андрійович', 'Андріївна'],
  ['Григорович', 'Григорівна'],
  ['Юрійович', 'Юріївна'],
];

/** Ukrainian mobile operator codes (Kyivstar, Vodafone, lifecell). */
export const MOBILE_CODES: readonly string[] = ['67', '68', '96', '97', '98', '50', '66', '95', '99', '63', '73', '93'];

export type Material = 'pvc' | 'aluminium';

/** Profile systems with the dealer price of a square metre of construction in it. */
export type ProfileSystem = { name: string; material: Material; pricePerM2: number; weight: number };

export const WINDOW_PROFILES: readonly ProfileSystem[] = [
  { name: 'REHAU Euro-Design 70', material: 'pvc', pricePerM2: 4200, weight: 24 },
  { name: 'REHAU Synego 80', material: 'pvc', pricePerM2: 6100, weight: 8 },
  { name: 'Veka Softline 82', material: 'pvc', pricePerM2: 5600, weight: 12 },
  { name: 'Salamander BluEvolution 82', material: 'pvc', pricePerM2: 5400, weight: 8 },
  { name: 'Aluplast Ideal 4000', material: 'pvc', pricePerM2: 4400, weight: 14 },
  { name: 'WDS 400', material: 'pvc', pricePerM2: 3300, weight: 16 },
  { name: 'Steko S500', material: 'pvc', pricePerM2: 3600, weight: 12 },
  { name: 'Schüco AWS 70 (алюміній)', material: 'aluminium', pricePerM2: 11_500, weight: 3 },
];

export const DOOR_PROFILES: readonly ProfileSystem[] = [
  { name: 'REHAU Euro-Design 70', material: 'pvc', pricePerM2: 5200, weight: 10 },
  { name: 'Veka Softline 82', material: 'pvc', pricePerM2: 6400, weight: 5 },
  { name: 'Aluplast Ideal 4000', material: 'pvc', pricePerM2: 5300, weight: 5 },
  { name: 'Schüco ADS 70 (алюміній)', material: 'aluminium', pricePerM2: 12_800, weight: 4 },
];

/** Cold aluminium sliding systems for balconies and loggias. */
export const SLIDING_PROFILES: readonly ProfileSystem[] = [
  { name: 'Provedal C640 (холодний алюміній)', material: 'aluminium', pricePerM2: 2900, weight: 3 },
  { name: 'Aluplast Smart-Slide', material: 'pvc', pricePerM2: 5100, weight: 1 },
];

export const ROLLER_SYSTEMS: readonly ProfileSystem[] = [
  { name: 'Aluprof SK 45, короб 165 мм', material: 'aluminium', pricePerM2: 2600, weight: 3 },
  { name: 'Alutech AER 44/S, короб 180 мм', material: 'aluminium', pricePerM2: 2400, weight: 2 },
];

/** Glazing formulas (glass-gap-glass in mm; Ar = argon, i = low-e glass) and their surcharge. */
export type Glazing = { name: string; surchargePerM2: number; weight: number };

export const GLAZINGS: readonly Glazing[] = [
  { name: '4-16-4', surchargePerM2: 0, weight: 6 },
  { name: '4-16Ar-4i (аргон, енергозберігаюче скло)', surchargePerM2: 380, weight: 14 },
  { name: '4-10-4-10-4', surchargePerM2: 420, weight: 8 },
  { name: '4-14-4-14-4i (енергозберігаюче скло)', surchargePerM2: 640, weight: 10 },
  { name: '4i-12Ar-4-12Ar-4i (аргон, два енергозберігаючі скла)', surchargePerM2: 980, weight: 8 },
  { name: '6 загартоване-14Ar-4-14Ar-4i', surchargePerM2: 1500, weight: 2 },
  { name: '33.1 триплекс-14Ar-4-14Ar-4i', surchargePerM2: 1900, weight: 1 },
];

export const SLIDING_GLAZING: Glazing = { name: '4 мм загартоване, одинарне', surchargePerM2: 0, weight: 1 };

/** Colours and laminations; the surcharge is a percentage of the profile price. */
export type Colour = { name: string; surchargePct: number; weight: number };

export const PVC_COLOURS: readonly Colour[] = [
  { name: 'білий', surchargePct: 0, weight: 60 },
  { name: 'золотий дуб (ламінація ззовні)', surchargePct: 18, weight: 7 },
  { name: 'золотий дуб (двостороння ламінація)', surchargePct: 32, weight: 4 },
  { name: 'горіх (ламінація ззовні)', surchargePct: 18, weight: 4 },
  { name: 'махагон (ламінація ззовні)', surchargePct: 18, weight: 2 },
  { name: 'антрацит RAL 7016 ззовні, білий всередині', surchargePct: 20, weight: 12 },
  { name: 'антрацит RAL 7016 (двостороння ламінація)', surchargePct: 34, weight: 5 },
  { name: 'темний дуб (ламінація ззовні)', surchargePct: 18, weight: 3 },
  { name: 'шеффілд дуб світлий (ламінація ззовні)', surchargePct: 20, weight: 2 },
];

export const ALUMINIUM_COLOURS: readonly Colour[] = [
  { name: 'RAL 9016 білий', surchargePct: 0, weight: 5 },
  { name: 'RAL 7016 антрацит', surchargePct: 8, weight: 5 },
  { name: 'RAL 8017 коричневий', surchargePct: 8, weight: 2 },
  { name: 'RAL 9005 чорний матовий', surchargePct: 10, weight: 1 },
];

/** Hardware sets with their price per opening sash. */
export type Hardware = { name: string; perSash: number; weight: number };

export const WINDOW_HARDWARE: readonly Hardware[] = [
  { name: 'Maco Multi-Matic (MM)', perSash: 1900, weight: 10 },
  { name: 'Siegenia Titan AF', perSash: 2100, weight: 7 },
  { name: 'Roto NT', perSash: 2000, weight: 8 },
  { name: 'Vorne', perSash: 1100, weight: 6 },
  { name: 'Axor K-3', perSash: 1200, weight: 5 },
];

export const DOOR_HARDWARE: readonly Hardware[] = [
  { name: 'Roto Door, замок Winkhaus AV3, петлі Dr. Hahn', perSash: 7800, weight: 4 },
  { name: 'Maco Z-TA, замок KFV AS 2300', perSash: 6900, weight: 3 },
  { name: 'Siegenia KFV Genius, електромеханічний замок', perSash: 14_500, weight: 1 },
];

export const SLIDING_HARDWARE: Hardware = { name: 'ролики та замок-клямка Provedal', perSash: 450, weight: 1 };

export type ItemKindForExtras = 'window' | 'door' | 'balcony' | 'roller_shutter';

/** Extras per construction, with their price and the kinds they fit. */
export type Extra = { name: string; price: number; kinds: readonly ItemKindForExtras[] };

export const EXTRAS: readonly Extra[] = [
  { name: 'підвіконня ПВХ 300 мм', price: 850, kinds: ['window', 'balcony'] },
  { name: 'підвіконня ПВХ 400 мм, ламіноване', price: 1450, kinds: ['window'] },
  { name: 'відлив оцинкований 150 мм', price: 420, kinds: ['window', 'balcony'] },
  { name: 'відлив 200 мм, RAL 7016', price: 560, kinds: ['window'] },
  { name: 'укоси внутрішні ПВХ', price: 1600, kinds: ['window', 'balcony', 'door'] },
  { name: 'москітна сітка рамкова', price: 650, kinds: ['window', 'balcony'] },
  { name: 'москітна сітка плісе', price: 2300, kinds: ['balcony', 'door'] },
  { name: 'дитячий замок на ручку', price: 380, kinds: ['window', 'balcony'] },
  { name: 'ручка з ключем Hoppe', price: 420, kinds: ['window'] },
  { name: 'ступінчасте мікропровітрювання', price: 260, kinds: ['window', 'balcony'] },
  { name: 'поріг алюмінієвий низький', price: 900, kinds: ['door', 'balcony'] },
  { name: 'доводчик Geze TS 2000', price: 2800, kinds: ['door'] },
  { name: 'електропривід Somfy Oximo', price: 6800, kinds: ['roller_shutter'] },
  { name: 'ручне керування стрічкою', price: 450, kinds: ['roller_shutter'] },
];

/** The delivery fleet of each plant with its regular drivers. */
export type Crew = { plant: 'MAIN' | 'WEST'; vehicle: string; driver: string; phone: string };

export const CREWS: readonly Crew[] = [
  { plant: 'MAIN', vehicle: 'MAN TGL 12.250, АА 4821 КТ', driver: 'Петренко Василь', phone: '+380671234508' },
  { plant: 'MAIN', vehicle: 'Mercedes-Benz Atego 1224, АІ 7315 ЕМ', driver: 'Гончаренко Олег', phone: '+380503318842' },
  { plant: 'MAIN', vehicle: 'DAF LF 220, КА 0962 ВХ', driver: 'Мороз Сергій', phone: '+380964471209' },
  { plant: 'MAIN', vehicle: 'Iveco Eurocargo 120E25, АА 3307 МО', driver: 'Кравчук Микола', phone: '+380679052276' },
  { plant: 'MAIN', vehicle: 'Renault Midlum 220, АІ 5186 КС', driver: 'Литвиненко Юрій', phone: '+380632150934' },
  { plant: 'MAIN', vehicle: 'Volvo FL 250, КА 4470 СН', driver: 'Бойко Андрій', phone: '+380985506613' },
  { plant: 'MAIN', vehicle: 'Mercedes-Benz Sprinter 516, АА 9914 ІР', driver: 'Юрченко Дмитро', phone: '+380951187425' },
  { plant: 'MAIN', vehicle: 'Ford Transit 350L, АІ 2241 ОТ', driver: 'Федорчук Іван', phone: '+380737720391' },
  { plant: 'WEST', vehicle: 'MAN TGL 8.190, ВС 6203 НК', driver: 'Стасюк Тарас', phone: '+380672814467' },
  { plant: 'WEST', vehicle: 'Mercedes-Benz Atego 1218, ВС 1459 ТА', driver: 'Гнатюк Роман', phone: '+380506628310' },
  { plant: 'WEST', vehicle: 'DAF LF 180, НС 3872 ВО', driver: 'Семенюк Богдан', phone: '+380979401582' },
  { plant: 'WEST', vehicle: 'Iveco Daily 70C18, ВС 8120 ЕХ', driver: 'Романюк Степан', phone: '+380663095547' },
];

/** Catalogue items (prices in hryvnias; stock in the item's unit). */
export type CatalogTemplate = {
  partNumber: string;
  name: string;
  unit: 'шт' | 'м.п.' | 'м²' | 'компл.';
  retail: number;
  dealer: number;
  promo?: number;
  stock: number;
};

export const CATALOG: readonly CatalogTemplate[] = [
  { partNumber: 'PRF-RH70-001', name: 'Профіль рамний REHAU Euro-Design 70, білий', unit: 'м.п.', retail: 412, dealer: 338, stock: 4820 },
  { partNumber: 'PRF-RH70-002', name: 'Профіль стулковий REHAU Euro-Design 70, білий', unit: 'м.п.', retail: 455, dealer: 372, stock: 3910 },
  { partNumber: 'PRF-RH70-003', name: 'Імпост REHAU Euro-Design 70, білий', unit: 'м.п.', retail: 398, dealer: 326, stock: 2150 },
  { partNumber: 'PRF-SY80-001', name: 'Профіль рамний REHAU Synego 80, білий', unit: 'м.п.', retail: 598, dealer: 489, stock: 1260 },
  { partNumber: 'PRF-VK82-001', name: 'Профіль рамний Veka Softline 82, білий', unit: 'м.п.', retail: 566, dealer: 462, promo: 429, stock: 1740 },
  { partNumber: 'PRF-VK82-002', name: 'Профіль стулковий Veka Softline 82, антрацит RAL 7016', unit: 'м.п.', retail: 782, dealer: 640, stock: 410 },
  { partNumber: 'PRF-SL82-001', name: 'Профіль рамний Salamander BluEvolution 82, білий', unit: 'м.п.', retail: 548, dealer: 447, stock: 95 },
  { partNumber: 'PRF-AP40-001', name: 'Профіль рамний Aluplast Ideal 4000, білий', unit: 'м.п.', retail: 436, dealer: 356, stock: 2380 },
  { partNumber: 'PRF-WDS4-001', name: 'Профіль рамний WDS 400, білий', unit: 'м.п.', retail: 318, dealer: 259, promo: 239, stock: 5200 },
  { partNumber: 'PRF-STK5-001', name: 'Профіль рамний Steko S500, білий', unit: 'м.п.', retail: 342, dealer: 279, stock: 3340 },
  { partNumber: 'PRF-SCH70-001', name: 'Профіль рамний Schüco AWS 70, алюміній, RAL 9016', unit: 'м.п.', retail: 1680, dealer: 1390, stock: 320 },
  { partNumber: 'GLS-4164-001', name: 'Склопакет 4-16-4', unit: 'м²', retail: 980, dealer: 790, stock: 610 },
  { partNumber: 'GLS-416A-002', name: 'Склопакет 4-16Ar-4i, аргон, енергозберігаючий', unit: 'м²', retail: 1390, dealer: 1120, promo: 1040, stock: 455 },
  { partNumber: 'GLS-4104-003', name: 'Склопакет 4-10-4-10-4, двокамерний', unit: 'м²', retail: 1420, dealer: 1150, stock: 380 },
  { partNumber: 'GLS-4I12-004', name: 'Склопакет 4i-12Ar-4-12Ar-4i, два енергозберігаючі скла', unit: 'м²', retail: 2160, dealer: 1760, stock: 210 },
  { partNumber: 'GLS-TRPL-005', name: 'Склопакет 33.1 триплекс-14Ar-4-14Ar-4i', unit: 'м²', retail: 3450, dealer: 2820, stock: 42.5 },
  { partNumber: 'HRD-MACO-001', name: 'Комплект фурнітури Maco Multi-Matic, поворотно-відкидний', unit: 'компл.', retail: 2350, dealer: 1920, stock: 640 },
  { partNumber: 'HRD-SIEG-001', name: 'Комплект фурнітури Siegenia Titan AF, поворотно-відкидний', unit: 'компл.', retail: 2580, dealer: 2110, stock: 380 },
  { partNumber: 'HRD-ROTO-001', name: 'Комплект фурнітури Roto NT, поворотно-відкидний', unit: 'компл.', retail: 2460, dealer: 2010, promo: 1850, stock: 515 },
  { partNumber: 'HRD-VORN-001', name: 'Комплект фурнітури Vorne, поворотно-відкидний', unit: 'компл.', retail: 1360, dealer: 1110, stock: 900 },
  { partNumber: 'HRD-AXOR-001', name: 'Комплект фурнітури Axor K-3, поворотно-відкидний', unit: 'компл.', retail: 1470, dealer: 1200, stock: 720 },
  { partNumber: 'HRD-HNDL-001', name: 'Ручка віконна Hoppe Secustik, біла', unit: 'шт', retail: 310, dealer: 245, stock: 2600 },
  { partNumber: 'HRD-HNDL-002', name: 'Ручка віконна Hoppe з ключем (дитячий замок)', unit: 'шт', retail: 520, dealer: 420, stock: 840 },
  { partNumber: 'HRD-LOCK-001', name: 'Замок дверний Winkhaus AV3, багатоточковий', unit: 'шт', retail: 6900, dealer: 5750, stock: 64 },
  { partNumber: 'SIL-300-001', name: 'Підвіконня ПВХ Danke 300 мм, біле', unit: 'м.п.', retail: 640, dealer: 520, stock: 1480 },
  { partNumber: 'SIL-400-002', name: 'Підвіконня ПВХ Danke 400 мм, золотий дуб', unit: 'м.п.', retail: 1120, dealer: 910, promo: 830, stock: 310 },
  { partNumber: 'DRN-150-001', name: 'Відлив оцинкований 150 мм, RAL 9016', unit: 'м.п.', retail: 265, dealer: 210, stock: 2250 },
  { partNumber: 'DRN-200-002', name: 'Відлив оцинкований 200 мм, RAL 7016', unit: 'м.п.', retail: 340, dealer: 272, stock: 980 },
  { partNumber: 'SLP-PVC-001', name: 'Укосна панель ПВХ 250 мм, біла', unit: 'м.п.', retail: 290, dealer: 228, stock: 1730 },
  { partNumber: 'NET-FRM-001', name: 'Москітна сітка рамкова, біла', unit: 'м²', retail: 690, dealer: 540, promo: 470, stock: 360 },
  { partNumber: 'NET-PLS-002', name: 'Москітна сітка плісе, антрацит', unit: 'м²', retail: 2450, dealer: 1980, stock: 48 },
  { partNumber: 'RLS-SK45-001', name: 'Ролета захисна Aluprof SK 45, профіль PA 39', unit: 'м²', retail: 3150, dealer: 2580, stock: 120 },
  { partNumber: 'RLS-MTR-001', name: 'Електропривід Somfy Oximo 40 WT', unit: 'шт', retail: 8200, dealer: 6750, promo: 6200, stock: 35 },
  { partNumber: 'MNT-FOAM-001', name: 'Піна монтажна Penosil Premium 65, 870 мл', unit: 'шт', retail: 395, dealer: 318, stock: 1850 },
  { partNumber: 'MNT-PSUL-001', name: 'Стрічка ПСУЛ 15/3-7', unit: 'м.п.', retail: 24, dealer: 18, stock: 12_400 },
  { partNumber: 'MNT-VAPR-001', name: 'Стрічка пароізоляційна внутрішня 100 мм', unit: 'м.п.', retail: 46, dealer: 36, stock: 8300 },
  { partNumber: 'MNT-ANCH-001', name: 'Анкерна пластина поворотна 150 мм', unit: 'шт', retail: 14, dealer: 10, stock: 26_000 },
  { partNumber: 'SEL-EPDM-001', name: 'Ущільнювач EPDM стулковий, сірий', unit: 'м.п.', retail: 32, dealer: 25, stock: 15_600 },
  { partNumber: 'ALU-SLD-001', name: 'Розсувна система Provedal C640, стулка', unit: 'шт', retail: 3650, dealer: 2980, stock: 140 },
  { partNumber: 'CAR-WDC-001', name: 'Засіб для догляду за ПВХ-вікнами, набір', unit: 'компл.', retail: 420, dealer: 330, promo: 290, stock: 260 },
];
