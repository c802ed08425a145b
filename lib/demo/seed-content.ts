import { announcementDealers, announcementReads, announcements, auditLog, catalogItems, notifications } from '@/drizzle/schema';
import type { DbOrTx } from '@/lib/db';
import { CATALOG } from './data';
import { insertMany } from './insert';
import { formatKop, uah } from './money';
import type { SeedWorld } from './seed-base';
import type { DemoClaimsOutcome } from './seed-claims';
import type { DemoShipped } from './seed-orders';
import { DAY, HOUR, MINUTE, dayString, uaDate } from './time';

// Factory news, the catalogue and the demo dealer's notification bell.

const MONTHS_GENITIVE = ['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня'];

function spelledDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS_GENITIVE[d.getUTCMonth()]} ${d.getUTCFullYear()} року`;
}

type AnnouncementSpec = {
  title: string;
  body: string;
  audience: { kind: 'all' } | { kind: 'regions'; regions: string[] } | { kind: 'dealers'; dealerIndexes: number[] };
  pinned?: boolean;
  daysAgo: number;
  readByDemoDealer?: boolean;
};

function announcementSpecs(world: SeedWorld): AnnouncementSpec[] {
  const today = new Date(world.todayMs);
  const nextMonth = Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1);
  const [d1, d2] = world.dealers;
  const demoRegions = [...new Set([d1?.town.region, d2?.town.region, 'Хмельницька область'].filter((r): r is string => !!r))];
  // Around the new year the schedule is the holidays; the rest of the year, a maintenance stop.
  const newYear = today.getUTCMonth() >= 9;
  const year = today.getUTCFullYear();
  const stopFriday = world.todayMs + (((5 - today.getUTCDay() + 7) % 7) + 14) * DAY;
  const schedule: AnnouncementSpec = newYear
    ? {
        title: `Графік роботи виробництва на новорічні свята ${year}/${year + 1}`,
        body: [
          'Шановні партнери!',
          '',
          `Виробництво не працюватиме **з 31 грудня ${year} по 4 січня ${year + 1}** включно: у ці дні проводимо планове обслуговування ліній.`,
          '',
          `- Останнє приймання замовлень у виробництво цього року: **${uaDate(Date.UTC(year, 11, 19))}**.`,
          `- Останні рейси: **${uaDate(Date.UTC(year, 11, 29))}** і **${uaDate(Date.UTC(year, 11, 30))}** (за графіком напрямків).`,
          `- Перші відвантаження після свят: з **${uaDate(Date.UTC(year + 1, 0, 5))}**.`,
          '',
          'Менеджери на зв\'язку в робочі дні з 9:00 до 18:00. Дякуємо за співпрацю у цьому році!',
        ].join('\n'),
        audience: { kind: 'all' },
        daysAgo: 2,
      }
    : {
        title: `Планова зупинка виробництва ${uaDate(stopFriday)}`,
        body: [
          `У п'ятницю, **${spelledDate(stopFriday)}**, виробництво зупиняється на технічне обслуговування ліній.`,
          '',
          '- Замовлення, прийняті до середи, виготовимо за звичайним графіком.',
          '- Рейси цього дня переносяться на суботу.',
          '',
          'Якщо у вас термінове замовлення, повідомте свого менеджера заздалегідь.',
        ].join('\n'),
        audience: { kind: 'all' },
        daysAgo: 2,
      };
  return [
    {
      title: `Зміна цін з ${spelledDate(nextMonth)}`,
      body: [
        'Шановні партнери!',
        '',
        `З **${spelledDate(nextMonth)}** змінюються дилерські ціни через подорожчання ПВХ-профілю та скла у постачальників:`,
        '',
        '| Група | Зміна |',
        '| --- | --- |',
        '| Профільні системи REHAU, Veka, Salamander | +4,5 % |',
        '| Aluplast, WDS, Steko | +3 % |',
        '| Склопакети з енергозберігаючим склом | +6 % |',
        '| Фурнітура Maco, Siegenia, Roto | без змін |',
        '',
        `Замовлення, прийняті до **${uaDate(nextMonth - DAY)}**, виготовляємо за поточними цінами. Оновлений прайс-лист — у розділі «Документи».`,
      ].join('\n'),
      audience: { kind: 'all' },
      pinned: true,
      daysAgo: 6,
      readByDemoDealer: true,
    },
    schedule,
    {
      title: 'Затримка виготовлення: Salamander BluEvolution 82',
      body: [
        'Через затримку поставки профілю **Salamander BluEvolution 82** від постачальника строк виготовлення конструкцій у цій системі подовжується на **5–7 робочих днів**.',
        '',
        'Що ми пропонуємо:',
        '',
        '1. Залишити замовлення в черзі: нові дати доставки побачите в картці замовлення.',
        '2. Перевести замовлення на **Veka Softline 82** (аналогічна монтажна глибина) без доплати.',
        '',
        'Для переведення напишіть своєму менеджеру номер замовлення.',
      ].join('\n'),
      audience: { kind: 'regions', regions: demoRegions },
      daysAgo: 4,
    },
    {
      title: 'Новинка: розсувна система Aluplast Smart-Slide',
      body: [
        'Додали до асортименту розсувну систему **Aluplast Smart-Slide** для балконів і терас:',
        '',
        '- теплий ПВХ-профіль із монтажною глибиною 70 мм;',
        '- стулки шириною до 1,5 м і вагою до 160 кг;',
        '- склопакет до 24 мм, зокрема з енергозберігаючим склом.',
        '',
        'Позиція вже є в конфігураторі, зразки кольорів — у вашого менеджера. Перші 30 днів діє вступна знижка 5 %.',
      ].join('\n'),
      audience: { kind: 'all' },
      daysAgo: 20,
      readByDemoDealer: true,
    },
    {
      title: 'Оновлена інструкція з монтажу вікон',
      body: [
        'Оновили інструкцію з монтажу: додано вузли примикання для **теплого монтажу** з паро- та гідроізоляційними стрічками і схему кріплення балконних блоків.',
        '',
        'Головне:',
        '',
        '- монтажний шов — три шари: пароізоляція всередині, піна, паропроникна стрічка ззовні;',
        '- крок анкерних пластин — не більше 700 мм;',
        '- гарантія на конструкцію зберігається лише за монтажу згідно з інструкцією.',
        '',
        'PDF — у розділі «Документи» → «Інструкції з монтажу».',
      ].join('\n'),
      audience: { kind: 'dealers', dealerIndexes: [0, 1, 2, 3, 4].filter((i) => i < world.dealers.length) },
      daysAgo: 12,
    },
    {
      title: 'Акція на москітні сітки для південних регіонів',
      body: 'До кінця місяця **−15 %** на рамкові москітні сітки та сітки плісе для дилерів Одеської, Миколаївської, Херсонської та Запорізької областей.',
      audience: { kind: 'regions', regions: ['Одеська область', 'Миколаївська область', 'Херсонська область', 'Запорізька область'] },
      daysAgo: 9,
    },
  ];
}

export async function seedAnnouncements(db: DbOrTx, world: SeedWorld): Promise<number> {
  const specs = announcementSpecs(world);
  const demoUser = world.demoUserIds[0];
  const rows = specs.map((s) => {
    const published = new Date(world.todayMs - s.daysAgo * DAY + 8 * HOUR);
    return {
      title: s.title,
      body: s.body,
      audienceKind: s.audience.kind,
      regions: s.audience.kind === 'regions' ? s.audience.regions : [],
      pinned: s.pinned ?? false,
      publishAt: published,
      publishedAt: published,
      authorId: world.factoryUserId,
      createdAt: new Date(published.getTime() - 2 * HOUR),
      updatedAt: published,
    };
  });
  const back = await db.insert(announcements).values(rows).returning({ id: announcements.id });
  const links: (typeof announcementDealers.$inferInsert)[] = [];
  const reads: (typeof announcementReads.$inferInsert)[] = [];
  specs.forEach((s, i) => {
    const id = back[i]?.id;
    if (id === undefined) return;
    if (s.audience.kind === 'dealers') {
      for (const index of s.audience.dealerIndexes) {
        const dealer = world.dealers[index];
        if (dealer) links.push({ announcementId: id, dealerId: dealer.id });
      }
    }
    if (s.readByDemoDealer) reads.push({ announcementId: id, userId: demoUser, readAt: new Date(world.todayMs - (s.daysAgo - 1) * DAY + 7 * HOUR) });
  });
  await insertMany(db, announcementDealers, links);
  await insertMany(db, announcementReads, reads);
  return rows.length;
}

export async function seedCatalog(db: DbOrTx, world: SeedWorld): Promise<number> {
  const synced = new Date(world.todayMs - 3 * DAY + 4 * HOUR);
  await insertMany(
    db,
    catalogItems,
    CATALOG.map((c) => ({
      partNumber: c.partNumber,
      name: c.name,
      unit: c.unit,
      retailPrice: formatKop(uah(c.retail)),
      dealerPrice: formatKop(uah(c.dealer)),
      promoPrice: c.promo === undefined ? null : formatKop(uah(c.promo)),
      // Stock is a quantity, not money: three decimals as the column keeps it.
      stock: c.stock.toFixed(3),
      currency: 'UAH',
      sourceUpdatedAt: synced,
      updatedAt: synced,
    })),
  );
  // As the sync API records an applied catalog.item event: the factory's catalogue page names the
  // source of each item from these rows.
  await insertMany(
    db,
    auditLog,
    CATALOG.map((c, i) => ({
      at: synced,
      actorKind: 'sync' as const,
      actorId: 'accounting',
      action: 'catalog.item',
      entityType: 'catalog_item',
      entityId: c.partNumber,
      data: { eventId: `demo-catalog-${i + 1}`, occurredAt: synced.toISOString(), dealerPrice: formatKop(uah(c.dealer)), retailPrice: formatKop(uah(c.retail)) },
    })),
  );
  return CATALOG.length;
}

/** The bell of the demo dealer's owner: a shipment, a question on a claim, money, news. */
export async function seedNotifications(db: DbOrTx, world: SeedWorld, shipped: readonly DemoShipped[], claims: DemoClaimsOutcome): Promise<number> {
  const rows: (typeof notifications.$inferInsert)[] = [];
  for (const dealerIndex of [0, 1]) {
    const userId = world.demoUserIds[dealerIndex as 0 | 1];
    const order = shipped.find((s) => s.dealerIndex === dealerIndex);
    if (order) {
      const at = order.trip.departedAt ?? world.now - HOUR;
      rows.push({
        userId,
        type: 'order.shipped',
        importance: 'normal',
        title: `Замовлення ${order.orderNumber} відвантажено`,
        body: `Рейс ${order.trip.number}, водій ${order.trip.crew.driver}, ${order.trip.crew.phone}. Доставка ${uaDate(Date.parse(order.trip.plannedDate))}.`,
        link: `/dealer/orders/${order.orderNumber}`,
        data: { orderNumber: order.orderNumber, shipmentNumber: order.trip.number },
        createdAt: new Date(at + 5 * MINUTE),
      });
    }
    const claim = claims.infoRequested.find((c) => c.dealerIndex === dealerIndex);
    if (claim) {
      rows.push({
        userId,
        type: 'claim.info_requested',
        importance: 'critical',
        title: `Рекламація ${claim.number}: потрібна додаткова інформація`,
        body: 'Фахівець з рекламацій просить надіслати фото або уточнення. Відповідайте в обговоренні рекламації.',
        link: `/dealer/claims/${claim.number}`,
        data: { claimNumber: claim.number },
        createdAt: new Date(claim.at + MINUTE),
      });
    }
  }
  const demoUser = world.demoUserIds[0];
  rows.push(
    {
      userId: demoUser,
      type: 'finance.overdue',
      importance: 'critical',
      title: 'Є прострочена заборгованість',
      body: `Станом на ${uaDate(world.todayMs)} частину рахунків не оплачено в строк. Деталі — у розділі «Фінанси».`,
      link: '/dealer/finance',
      data: { date: dayString(world.todayMs) },
      createdAt: new Date(world.todayMs + 5 * HOUR),
    },
    {
      userId: demoUser,
      type: 'announcement.published',
      importance: 'normal',
      title: 'Нове оголошення: зміна цін',
      link: '/dealer/news',
      data: {},
      readAt: new Date(world.todayMs - 5 * DAY + 7 * HOUR),
      createdAt: new Date(world.todayMs - 6 * DAY + 8 * HOUR),
    },
  );
  await insertMany(db, notifications, rows);
  return rows.length;
}
