import PDFDocument from 'pdfkit';
import { eq } from 'drizzle-orm';
import { attachments, libraryDocuments } from '@/drizzle/schema';
import type { Db } from '@/lib/db';
import { fontPath } from '@/lib/finance/documents/fonts';
import { factoryRequisites } from '@/lib/finance/documents/factory';
import { FileWrites, storeAttachments } from '@/lib/files/store';
import { cleanDocumentName, verifyDocument } from '@/lib/files/verify';
import type { LibraryCategory } from '@/lib/library/categories';
import { CATALOG, type CatalogTemplate } from './data';
import { mulDivRound, uah } from './money';
import type { SeedWorld } from './seed-base';
import { DAY, HOUR, MINUTE, notSunday, startOfDay, uaDate } from './time';

// The document library of the demo: price lists, a certificate, installation guides, a brochure
// and one draft, as small PDFs drawn here with pdfkit at seeding time (nothing binary lives in
// the repository). The same day gives the same bytes (the PDFs carry the seed's dates, never the
// clock), so the files land at the same content addresses on every run.

const MONTHS = ['січень', 'лютий', 'березень', 'квітень', 'травень', 'червень', 'липень', 'серпень', 'вересень', 'жовтень', 'листопад', 'грудень'];
const MONTHS_GENITIVE = ['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня'];

const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGIN = 50;
const WIDTH = PAGE.width - 2 * MARGIN;
const BOTTOM = PAGE.height - MARGIN;
const ACCENT = '#1d4ed8';
const GREY = '#555555';

type Pdf = PDFKit.PDFDocument;

/** Writing helpers over one pdfkit document, in DejaVu Sans Condensed (Cyrillic). */
class Page {
  constructor(readonly doc: Pdf) {}

  private room(height: number): void {
    if (this.doc.y + height > BOTTOM) this.doc.addPage();
  }

  letterhead(): this {
    const factory = factoryRequisites('uk');
    this.doc.font(fontPath('bold')).fontSize(11).fillColor(ACCENT).text(factory.legalName, MARGIN, MARGIN, { width: WIDTH });
    this.doc.font(fontPath('regular')).fontSize(8.5).fillColor(GREY).text(`${factory.address} · ${factory.phone} · ${factory.email}`, { width: WIDTH });
    const y = this.doc.y + 6;
    this.doc.moveTo(MARGIN, y).lineTo(MARGIN + WIDTH, y).lineWidth(0.8).strokeColor(ACCENT).stroke();
    this.doc.fillColor('black').text('', MARGIN, y + 14);
    return this;
  }

  title(text: string, subtitle?: string): this {
    this.doc.font(fontPath('bold')).fontSize(17).fillColor('black').text(text, { width: WIDTH });
    if (subtitle) this.doc.moveDown(0.2).font(fontPath('regular')).fontSize(10).fillColor(GREY).text(subtitle, { width: WIDTH }).fillColor('black');
    this.doc.moveDown(0.8);
    return this;
  }

  heading(text: string): this {
    this.room(60);
    this.doc.moveDown(0.4).font(fontPath('bold')).fontSize(12).fillColor(ACCENT).text(text, MARGIN, this.doc.y, { width: WIDTH }).fillColor('black').moveDown(0.3);
    return this;
  }

  paragraph(text: string): this {
    this.doc.font(fontPath('regular')).fontSize(10).text(text, MARGIN, this.doc.y, { width: WIDTH, lineGap: 1.5 }).moveDown(0.5);
    return this;
  }

  bullets(items: readonly string[], numbered = false): this {
    this.doc.font(fontPath('regular')).fontSize(10);
    items.forEach((item, i) => {
      const mark = numbered ? `${i + 1}.` : '•';
      const height = this.doc.heightOfString(item, { width: WIDTH - 18, lineGap: 1.5 });
      this.room(height + 4);
      const y = this.doc.y;
      this.doc.text(mark, MARGIN + 2, y, { width: 16, lineBreak: false });
      this.doc.text(item, MARGIN + 18, y, { width: WIDTH - 18, lineGap: 1.5 }).moveDown(0.25);
    });
    this.doc.text('', MARGIN, this.doc.y).moveDown(0.4);
    return this;
  }

  /** A table with a header row repeated on every page; `widths` in points, the widest column wraps. */
  table(header: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[], rightFrom = widths.length): this {
    const pad = 3;
    const draw = (cells: readonly string[], bold: boolean, fill?: string) => {
      this.doc.font(fontPath(bold ? 'bold' : 'regular')).fontSize(8.5);
      const height = Math.max(...cells.map((c, i) => this.doc.heightOfString(c, { width: (widths[i] ?? 0) - 2 * pad }))) + 2 * pad;
      if (this.doc.y + height > BOTTOM) {
        this.doc.addPage();
        if (!bold) draw(header, true, '#e8eefc');
      }
      const y = this.doc.y;
      let x = MARGIN;
      if (fill) this.doc.rect(MARGIN, y, WIDTH, height).fill(fill).fillColor('black');
      cells.forEach((cell, i) => {
        const width = widths[i] ?? 0;
        this.doc.text(cell, x + pad, y + pad, { width: width - 2 * pad, align: i >= rightFrom ? 'right' : 'left' });
        x += width;
      });
      this.doc.moveTo(MARGIN, y + height).lineTo(MARGIN + WIDTH, y + height).lineWidth(0.4).strokeColor('#bbbbbb').stroke();
      this.doc.text('', MARGIN, y + height);
    };
    draw(header, true, '#e8eefc');
    rows.forEach((row) => draw(row, false));
    this.doc.moveDown(0.8);
    return this;
  }

  note(text: string): this {
    this.doc.font(fontPath('regular')).fontSize(8.5).fillColor(GREY).text(text, MARGIN, this.doc.y, { width: WIDTH }).fillColor('black').moveDown(0.5);
    return this;
  }
}

/** The PDF's bytes; its metadata dates are the document's own, so the bytes depend on nothing else. */
function renderPdf(title: string, at: Date, draw: (page: Page) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      info: { Title: title, Author: factoryRequisites('uk').legalName, Creator: 'Dealer portal demo data', CreationDate: at, ModDate: at },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      draw(new Page(doc).letterhead());
      doc.end();
    } catch (err) {
      reject(err);
    }
  });
}

/** "1 234,50": hryvnias as a Ukrainian price list prints them. */
function price(kop: number): string {
  const whole = String(Math.trunc(kop / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${whole},${String(kop % 100).padStart(2, '0')}`;
}

/** The change of next month's prices, per mille, as the pinned announcement states it. */
function nextMonthRise(item: CatalogTemplate): number {
  if (/^PRF-(RH|SY|VK|SL)/.test(item.partNumber)) return 45;
  if (/^PRF-(AP|WDS|STK)/.test(item.partNumber)) return 30;
  if (item.partNumber.startsWith('GLS-') && /енергозберігаюч/.test(item.name)) return 60;
  return 0;
}

function priceList(page: Page, monthStart: number, rise: (item: CatalogTemplate) => number): void {
  const d = new Date(monthStart);
  page
    .title(`Прайс-лист дилера, ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`, `Діє з ${d.getUTCDate()} ${MONTHS_GENITIVE[d.getUTCMonth()]} ${d.getUTCFullYear()} року. Ціни в гривнях з ПДВ, склад у Києві.`)
    .table(
      ['Артикул', 'Найменування', 'Од.', 'Роздрібна ціна', 'Ціна дилера'],
      CATALOG.map((item) => {
        const perMille = 1000 + rise(item);
        return [item.partNumber, item.name, item.unit, price(mulDivRound(uah(item.retail), perMille, 1000)), price(mulDivRound(uah(item.dealer), perMille, 1000))];
      }),
      [82, 227, 46, 70, 70],
      3,
    )
    .note('Ціни на конструкції розраховує конфігуратор порталу за цим прайс-листом. Акційні ціни та знижки діють окремо й показані в каталозі порталу. Питання щодо цін — до вашого менеджера.');
}

type DemoDocument = {
  category: LibraryCategory;
  title: string;
  description: string;
  fileName: string;
  /** When the factory uploaded it. */
  createdAt: number;
  /** Null: a draft the dealers do not see. */
  publishedAt: number | null;
  draw: (page: Page) => void;
};

/** Working hours of a day `daysAgo` before the seed's day (never a Sunday), at `hourUtc` and some minutes. */
function at(world: SeedWorld, daysAgo: number, hourUtc: number, minutes: number): number {
  return notSunday(startOfDay(world.todayMs) - daysAgo * DAY) + hourUtc * HOUR + minutes * MINUTE;
}

function demoDocuments(world: SeedWorld): DemoDocument[] {
  const today = new Date(world.todayMs);
  const year = today.getUTCFullYear();
  const monthStart = Date.UTC(year, today.getUTCMonth(), 1);
  const nextMonth = Date.UTC(year, today.getUTCMonth() + 1, 1);
  const monthLabel = (ms: number) => `${MONTHS[new Date(ms).getUTCMonth()]} ${new Date(ms).getUTCFullYear()}`;
  const monthFile = (ms: number) => `${String(new Date(ms).getUTCMonth() + 1).padStart(2, '0')}-${new Date(ms).getUTCFullYear()}`;
  // The current list went out five days before its month; the next one with the announcement of the new prices.
  const currentListAt = notSunday(monthStart - 5 * DAY) + 8 * HOUR + 10 * MINUTE;
  const nextListAt = at(world, 6, 7, 40);
  const certificateIssued = Date.UTC(year - 1, 2, 14);

  return [
    {
      category: 'price_lists',
      title: `Прайс-лист дилера, ${monthLabel(nextMonth)}`,
      description: `Дилерські та роздрібні ціни з ${uaDate(nextMonth)}: профілі REHAU, Veka, Salamander +4,5 %, Aluplast, WDS, Steko +3 %, енергозберігаючі склопакети +6 %, фурнітура без змін.`,
      fileName: `Прайс-лист дилера ${monthFile(nextMonth)}.pdf`,
      createdAt: nextListAt - 25 * MINUTE,
      publishedAt: nextListAt,
      draw: (page) => priceList(page, nextMonth, nextMonthRise),
    },
    {
      category: 'price_lists',
      title: `Прайс-лист дилера, ${monthLabel(monthStart)}`,
      description: `Ціни, що діють з ${uaDate(monthStart)}.`,
      fileName: `Прайс-лист дилера ${monthFile(monthStart)}.pdf`,
      createdAt: currentListAt - 40 * MINUTE,
      publishedAt: currentListAt,
      draw: (page) => priceList(page, monthStart, () => 0),
    },
    {
      category: 'certificates',
      title: 'Сертифікат відповідності: вікна та балконні двері з ПВХ-профілю',
      description: `Сертифікат № UA.ОП.0417-${year - 1} на металопластикові вікна й балконні двері, чинний до ${uaDate(Date.UTC(year + 2, 2, 13))}.`,
      fileName: 'Сертифікат відповідності вікна ПВХ.pdf',
      createdAt: at(world, 75, 9, 5),
      publishedAt: at(world, 75, 9, 20),
      draw: (page) =>
        page
          .title(`Сертифікат відповідності № UA.ОП.0417-${year - 1}`, `Дата видачі: ${uaDate(certificateIssued)}. Чинний до: ${uaDate(Date.UTC(year + 2, 2, 13))}.`)
          .heading('Продукція')
          .paragraph(
            'Блоки віконні та балконні двері з полівінілхлоридних профілів систем REHAU, Veka, Salamander, Aluplast, WDS і Steko з одно- та двокамерними склопакетами, серійне виробництво.',
          )
          .heading('Виробник')
          .paragraph(`${factoryRequisites('uk').legalName}, ${factoryRequisites('uk').address}. Виробничі майданчики: Київ (основний) і Хмельницький.`)
          .heading('Відповідає вимогам')
          .bullets([
            'ДСТУ Б В.2.6-15:2011 «Блоки віконні та дверні полівінілхлоридні. Загальні технічні умови»;',
            'ДСТУ EN 14351-1 «Вікна та двері. Технічні умови на продукцію» в частині показників, наведених нижче.',
          ])
          .heading('Показники за результатами випробувань')
          .table(
            ['Показник', 'Значення'],
            [
              ['Приведений опір теплопередачі (двокамерний склопакет)', 'не менше 0,75 м²·К/Вт'],
              ['Повітропроникність', 'клас 4'],
              ['Водонепроникність', 'клас 8A'],
              ['Опір вітровому навантаженню', 'клас C3'],
              ['Звукоізоляція (склопакет 4-10-4-10-4)', '32 дБ'],
              ['Зусилля відкривання стулки', 'не більше 100 Н'],
            ],
            [345, 150],
          )
          .note('Орган сертифікації продукції: ТОВ «Будсертифікат-Експерт» (демонстраційні дані). Сертифікат видано за схемою з оцінкою виробництва й наглядом раз на рік.'),
    },
    {
      category: 'installation_guides',
      title: 'Інструкція з монтажу вікон ПВХ',
      description: 'Підготовка прорізу, кріплення, тришаровий монтажний шов, перевірка й регулювання фурнітури.',
      fileName: 'Інструкція з монтажу вікон ПВХ.pdf',
      createdAt: at(world, 120, 10, 0),
      publishedAt: at(world, 120, 10, 15),
      draw: (page) =>
        page
          .title('Інструкція з монтажу вікон ПВХ', 'Для монтажних бригад дилерів. Дотримання інструкції — умова гарантії на конструкцію.')
          .heading('1. Перед монтажем')
          .bullets([
            'Перевірте комплектність за накладною: рама, стулки, склопакети, підвіконня, відливи, кріплення.',
            'Огляньте конструкцію: без тріщин, сколів і подряпин на профілі та склі. Пошкодження, помічені при розвантаженні, зафіксуйте на порталі в рекламації з фото.',
            'Зберігайте вироби вертикально, під навісом, не ближче 1 м від опалювальних приладів.',
          ])
          .heading('2. Підготовка прорізу')
          .bullets([
            'Очистіть проріз від старої піни, пилу та залишків розчину; загрунтуйте поверхні.',
            'Монтажний зазор між рамою й прорізом — 15–40 мм з кожного боку, знизу — не менше 20 мм.',
            'Перевірте діагоналі прорізу: різниця не більше 10 мм.',
          ])
          .heading('3. Встановлення та кріплення')
          .bullets(
            [
              'Зніміть стулки й вийміть склопакети з глухих полів, промаркувавши штапики.',
              'Виставте раму на опорні колодки під кутами та імпостами; вертикаль і горизонталь — за рівнем.',
              'Кріпіть анкерами або монтажними пластинами: від кута 150–180 мм, між кріпленнями не більше 700 мм.',
              'Відхилення від вертикалі та горизонталі — не більше 1,5 мм на 1 м і не більше 3 мм на всю висоту виробу.',
            ],
            true,
          )
          .heading('4. Монтажний шов')
          .paragraph(
            'Шов робимо тришаровим: з боку приміщення — пароізоляційна стрічка, посередині — монтажна піна (заповнення не менше 90 % глибини), ззовні — паропроникна дифузійна стрічка (ПСУЛ). Піну не зрізаємо до повного затвердіння, залишену відкритою — захищаємо від ультрафіолету в той самий день.',
          )
          .heading('5. Завершення')
          .bullets([
            'Поверніть склопакети й стулки на місця, перевірте рівномірність зазорів і притискання ущільнювача.',
            'Відрегулюйте фурнітуру: стулка відкривається без зусиль, не «падає» й не зачіпає раму.',
            'Встановіть відлив із нахилом від вікна і підвіконня з нахилом 2–3° до приміщення.',
            'Зніміть захисну плівку з профілю не пізніше ніж через 10 днів після монтажу.',
          ]),
    },
    {
      category: 'installation_guides',
      title: 'Вхідні двері: монтаж і регулювання',
      description: 'Монтаж вхідних дверей з ПВХ та алюмінію, багатоточковий замок Winkhaus, регулювання петель і притискання.',
      fileName: 'Інструкція з монтажу дверей.pdf',
      createdAt: at(world, 45, 11, 30),
      publishedAt: at(world, 45, 11, 45),
      draw: (page) =>
        page
          .title('Вхідні двері: монтаж і регулювання', 'ПВХ-двері та алюмінієві двері Schüco AWS 70 з багатоточковим замком.')
          .heading('Монтаж')
          .bullets(
            [
              'Двері монтуємо на поріг, що спирається на основу по всій довжині; під поріг — несучі колодки через кожні 300 мм.',
              'Раму кріпимо анкерами 10 мм: з боку петель — біля кожної петлі, з боку замка — біля кожної запірної планки.',
              'Зазор під піну — 15–25 мм; шов тришаровий, як для вікон.',
              'До затвердіння піни двері зачинені, полотно зафіксоване клинами.',
            ],
            true,
          )
          .heading('Регулювання')
          .table(
            ['Що не так', 'Що регулювати'],
            [
              ['Полотно чіпляє поріг', 'Вертикальне регулювання петель, шестигранник 4 мм, до +3 мм'],
              ['Нерівний зазор збоку', 'Горизонтальне регулювання верхньої та середньої петлі, ±2 мм'],
              ['Продуває по периметру', 'Ексцентрики запірних цапф замка Winkhaus AV3, крок 0,8 мм'],
              ['Замок зачиняється туго', 'Положення запірних планок на рамі, після перевірки вертикалі'],
            ],
            [200, 295],
          )
          .heading('Догляд')
          .paragraph('Двічі на рік змащуйте рухомі частини замка та петель, а ущільнювач — силіконовим засобом. Не навантажуйте відчинене полотно і не фіксуйте його сторонніми предметами.'),
    },
    {
      category: 'marketing',
      title: 'Буклет «Теплі вікна для вашого дому»',
      description: 'Буклет для клієнтів дилера: профільні системи, склопакети, фурнітура і гарантія. Можна друкувати з логотипом салону.',
      fileName: 'Буклет Теплі вікна.pdf',
      createdAt: at(world, 20, 12, 0),
      publishedAt: at(world, 20, 12, 20),
      draw: (page) =>
        page
          .title('Теплі вікна для вашого дому', 'Вікна й двері, виготовлені на нашому заводі під ваш проріз, з доставкою та монтажем від дилера.')
          .heading('Оберіть профіль')
          .table(
            ['Система', 'Глибина', 'Камер', 'Для чого'],
            [
              ['WDS 400, Steko S500', '60 мм', '3–5', 'Квартири, дачі, оптимальна ціна'],
              ['REHAU Euro-Design 70, Aluplast Ideal 4000', '70 мм', '5', 'Квартири й будинки: тепло і тиша'],
              ['Veka Softline 82, Salamander BluEvolution 82', '82 мм', '6–7', 'Будинки, великі засклення'],
              ['REHAU Synego 80', '80 мм', '7', 'Енергоефективні будинки'],
            ],
            [190, 55, 50, 200],
          )
          .heading('Чому ми')
          .bullets([
            'Склопакети з енергозберігаючим склом і аргоном: до 30 % менше тепловтрат.',
            'Фурнітура Maco, Siegenia, Roto з мікропровітрюванням і захистом від злому.',
            'Власне виробництво: від замовлення до доставки — 7–10 робочих днів.',
            'Гарантія 10 років на профіль і 5 років на склопакети та фурнітуру.',
          ])
          .paragraph('Запрошуємо на безкоштовний замір: наш дилер допоможе підібрати конструкцію, розрахує вартість і домовиться про монтаж у зручний для вас день.'),
    },
    {
      category: 'other',
      title: `Умови гарантійного обслуговування, ${year + 1}`,
      description: 'Чернетка нових умов гарантії: строки, що покриває гарантія, як подати рекламацію.',
      fileName: `Умови гарантії ${year + 1}.pdf`,
      createdAt: at(world, 1, 13, 10),
      publishedAt: null,
      draw: (page) =>
        page
          .title(`Умови гарантійного обслуговування, ${year + 1}`, 'Чернетка для погодження.')
          .table(
            ['Що', 'Строк гарантії'],
            [
              ['Профіль ПВХ і алюмінієвий профіль', '10 років'],
              ['Склопакети (герметичність)', '5 років'],
              ['Фурнітура і замки', '5 років'],
              ['Монтаж (якщо монтує дилер за нашою інструкцією)', '3 роки'],
            ],
            [345, 150],
          )
          .bullets([
            'Рекламацію подає дилер на порталі з номером замовлення, описом і фото.',
            'Відповідь менеджера відділу рекламацій — протягом строку, визначеного в налаштуваннях порталу.',
            'Гарантія не поширюється на механічні пошкодження після приймання та наслідки неправильного монтажу.',
          ]),
    },
  ];
}

/**
 * The library's demo documents: their files under `root` (content-addressed, as uploads are) and
 * their rows, in one transaction; files new to the disk are taken back when it fails.
 * Returns how many documents were written.
 */
export async function seedLibrary(db: Db, world: SeedWorld, root: string): Promise<number> {
  const specs = demoDocuments(world);
  const files = await Promise.all(specs.map((spec) => renderPdf(spec.title, new Date(spec.createdAt), spec.draw)));
  const writes = new FileWrites(root);
  try {
    await db.transaction(async (tx) => {
      for (const [i, spec] of specs.entries()) {
        const bytes = new Uint8Array(files[i] as Buffer);
        // Checked as an upload would be: the bytes are a PDF the library accepts.
        const document = verifyDocument(bytes, spec.fileName);
        const createdAt = new Date(spec.createdAt);
        const updatedAt = new Date(spec.publishedAt ?? spec.createdAt);
        const [row] = await tx
          .insert(libraryDocuments)
          .values({
            category: spec.category,
            title: spec.title,
            description: spec.description,
            publishedAt: spec.publishedAt === null ? null : new Date(spec.publishedAt),
            createdById: world.factoryUserId,
            createdAt,
            updatedAt,
          })
          .returning({ id: libraryDocuments.id });
        if (!row) throw new Error('The demo library document was not inserted');
        const [stored] = await storeAttachments(tx, writes, { ownerType: 'library_document', ownerId: row.id, dealerId: null, uploadedById: world.factoryUserId }, [
          { fileName: cleanDocumentName(spec.fileName, document.mime), bytes, photo: document },
        ]);
        if (!stored) throw new Error('The demo library file was not stored');
        await tx.update(libraryDocuments).set({ attachmentId: stored.id }).where(eq(libraryDocuments.id, row.id));
        // Uploaded with the document, on the demo's timeline.
        await tx.update(attachments).set({ createdAt }).where(eq(attachments.id, stored.id));
      }
    });
  } catch (err) {
    await writes.undo(db);
    throw err;
  }
  return specs.length;
}
