import { getTranslations } from 'next-intl/server';
import type { PlantRow } from '@/lib/settings/queries';

/**
 * The plant of the factory's order lookup (a field of its GET form), when there is more than one
 * plant: each plant's orders are kept apart.
 */
export async function OrderPlantFilter({ plants, value, noMatch }: { plants: PlantRow[]; value: string; noMatch: boolean }) {
  const t = await getTranslations('settings.plantFilter');
  if (plants.length < 2) return null;
  const chosen = plants.find((p) => p.code === value);
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor="order-plant" className="text-sm font-medium">
        {t('label')}
      </label>
      <select
        id="order-plant"
        name="plant"
        defaultValue={chosen?.code ?? ''}
        className="min-h-11 w-full min-w-0 rounded-lg border border-slate-300 bg-white px-2 text-base focus:border-brand-700 focus:ring-2 focus:ring-brand-100 focus:outline-none"
        data-testid="order-plant"
      >
        <option value="">{t('any')}</option>
        {plants.map((p) => (
          <option key={p.id} value={p.code}>
            {t('option', { name: p.name, city: p.city })}
          </option>
        ))}
      </select>
      {noMatch && chosen ? (
        <p className="text-sm text-slate-700" data-testid="order-plant-no-match">
          {t('noMatch', { plant: chosen.name })}
        </p>
      ) : null}
    </div>
  );
}
