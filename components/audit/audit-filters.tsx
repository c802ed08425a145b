import Form from 'next/form';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ACTOR_KINDS } from '@/drizzle/schema/enums';
import { AUDIT_ACTION_GROUPS, AUDIT_OBJECT_TYPES, auditHref, isAuditFilterEmpty, type AuditFilter } from '@/lib/audit/filter';

const FIELD =
  'min-h-11 w-full min-w-0 rounded-lg border border-slate-300 bg-white px-2 text-base focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none';
const LABEL = 'text-sm font-medium text-slate-700';

/** The log's search as a plain GET form: every criterion is in the URL, so a search can be shared. */
export async function AuditFilters({ base, filter }: { base: string; filter: AuditFilter }) {
  const t = await getTranslations('audit');
  // An action from a link that the list does not offer is still shown as chosen.
  const actions: string[] = [...AUDIT_ACTION_GROUPS];
  if (filter.action && !actions.includes(filter.action)) actions.push(filter.action);
  return (
    <section aria-label={t('filtersLabel')} className="rounded-2xl border border-slate-200 bg-white p-4">
      <Form key={auditHref(base, filter)} action={base} className="grid grid-cols-1 items-end gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="audit-filters">
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="af-type" className={LABEL}>
            {t('objectType')}
          </label>
          <select id="af-type" name="type" defaultValue={filter.type ?? ''} className={FIELD}>
            <option value="">{t('anyObjectType')}</option>
            {AUDIT_OBJECT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t.has(`entity.${type}`) ? t(`entity.${type}`) : type}
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="af-object" className={LABEL}>
            {t('object')}
          </label>
          <input id="af-object" name="object" type="search" defaultValue={filter.object ?? ''} placeholder={t('objectPlaceholder')} maxLength={200} className={`${FIELD} px-3`} />
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="af-who" className={LABEL}>
            {t('who')}
          </label>
          <input id="af-who" name="who" type="search" defaultValue={filter.who ?? ''} placeholder={t('whoPlaceholder')} maxLength={200} className={`${FIELD} px-3`} />
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="af-who-kind" className={LABEL}>
            {t('whoKind')}
          </label>
          <select id="af-who-kind" name="whoKind" defaultValue={filter.whoKind ?? ''} className={FIELD}>
            <option value="">{t('anyWhoKind')}</option>
            {ACTOR_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`whoKinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="af-dealer" className={LABEL}>
            {t('dealer')}
          </label>
          <input id="af-dealer" name="dealer" type="search" defaultValue={filter.dealer ?? ''} placeholder={t('dealerPlaceholder')} maxLength={64} className={`${FIELD} px-3`} />
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="af-action" className={LABEL}>
            {t('action')}
          </label>
          <select id="af-action" name="action" defaultValue={filter.action ?? ''} className={FIELD}>
            <option value="">{t('anyAction')}</option>
            {actions.map((action) => (
              <option key={action} value={action}>
                {actionGroupLabel(t, action)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="af-from" className={LABEL}>
            {t('from')}
          </label>
          <input id="af-from" name="from" type="date" defaultValue={filter.from ?? ''} className={FIELD} />
        </div>
        <div className="flex min-w-0 flex-col gap-1.5">
          <label htmlFor="af-to" className={LABEL}>
            {t('to')}
          </label>
          <input id="af-to" name="to" type="date" defaultValue={filter.to ?? ''} className={FIELD} />
        </div>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-4">
          <button type="submit" className="min-h-11 rounded-lg bg-brand-700 px-5 font-medium text-white hover:bg-brand-800" data-testid="audit-search">
            {t('search')}
          </button>
          {isAuditFilterEmpty(filter) ? null : (
            <Link href={base} className="font-medium text-brand-700 underline underline-offset-2">
              {t('clear')}
            </Link>
          )}
        </div>
      </Form>
    </section>
  );
}

type Translate = Awaited<ReturnType<typeof getTranslations<'audit'>>>;

/** "Claims (all actions)" for a kind of actions, the action's words for one action. */
function actionGroupLabel(t: Translate, action: string): string {
  if (!action.endsWith('.')) return actionLabel(t, action);
  const kind = action.slice(0, -1);
  return t.has(`group.${kind}`) ? t(`group.${kind}`) : `${kind}.*`;
}

/** An action in words when it is known, as stored otherwise. */
export function actionLabel(t: Translate, action: string): string {
  const key = `actions.${action}`;
  return t.has(key) ? t(key) : action;
}
