import { getTranslations } from 'next-intl/server';
import { FilterActions, FilterFormFrame, FilterInput, FilterSearch, FilterSelect } from '@/components/ui/filter-form';
import { ACTOR_KINDS } from '@/drizzle/schema/values';
import { AUDIT_ACTION_GROUPS, AUDIT_OBJECT_TYPES, auditHref, isAuditFilterEmpty, type AuditFilter } from '@/lib/audit/filter';

/** The log's search as a plain GET form: every criterion is in the URL, so a search can be shared. */
export async function AuditFilters({ base, filter }: { base: string; filter: AuditFilter }) {
  const t = await getTranslations('audit');
  // An action from a link that the list does not offer is still shown as chosen.
  const actions: string[] = [...AUDIT_ACTION_GROUPS];
  if (filter.action && !actions.includes(filter.action)) actions.push(filter.action);
  return (
    <FilterFormFrame label={t('filtersLabel')} action={base} resetKey={auditHref(base, filter)} className="grid grid-cols-1 items-end gap-3 sm:grid-cols-2 lg:grid-cols-4" testId="audit-filters">
      <FilterSelect
        id="af-type"
        name="type"
        label={t('objectType')}
        defaultValue={filter.type ?? ''}
        anyLabel={t('anyObjectType')}
        options={AUDIT_OBJECT_TYPES.map((type) => ({ value: type, label: t.has(`entity.${type}`) ? t(`entity.${type}`) : type }))}
      />
      <FilterSearch id="af-object" name="object" label={t('object')} defaultValue={filter.object ?? ''} placeholder={t('objectPlaceholder')} maxLength={200} />
      <FilterSearch id="af-who" name="who" label={t('who')} defaultValue={filter.who ?? ''} placeholder={t('whoPlaceholder')} maxLength={200} />
      <FilterSelect
        id="af-who-kind"
        name="whoKind"
        label={t('whoKind')}
        defaultValue={filter.whoKind ?? ''}
        anyLabel={t('anyWhoKind')}
        options={ACTOR_KINDS.map((kind) => ({ value: kind, label: t(`whoKinds.${kind}`) }))}
      />
      <FilterSearch id="af-dealer" name="dealer" label={t('dealer')} defaultValue={filter.dealer ?? ''} placeholder={t('dealerPlaceholder')} maxLength={64} />
      <FilterSelect
        id="af-action"
        name="action"
        label={t('action')}
        defaultValue={filter.action ?? ''}
        anyLabel={t('anyAction')}
        options={actions.map((action) => ({ value: action, label: actionGroupLabel(t, action) }))}
      />
      <FilterInput id="af-from" name="from" type="date" label={t('from')} defaultValue={filter.from ?? ''} />
      <FilterInput id="af-to" name="to" type="date" label={t('to')} defaultValue={filter.to ?? ''} />
      <FilterActions
        applyLabel={t('search')}
        clearLabel={t('clear')}
        clearHref={base}
        showClear={!isAuditFilterEmpty(filter)}
        className="sm:col-span-2 lg:col-span-4"
        applyTestId="audit-search"
      />
    </FilterFormFrame>
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
