import { getTranslations } from 'next-intl/server';
import type { PlantRow } from '@/lib/settings/queries';
import { AddPlantForm, EditPlantForm, MainPlantForm } from './plant-forms';

/** The plants: each with its code and city, its name and city editable; the main one; a new one. */
export async function PlantsSection({ plants }: { plants: PlantRow[] }) {
  const t = await getTranslations('settings.plants');
  return (
    <div className="flex flex-col gap-5">
      {plants.length === 0 ? (
        <p className="text-sm text-slate-600">{t('none')}</p>
      ) : (
        <ul className="flex flex-col gap-2" aria-label={t('listLabel')} data-testid="plant-list">
          {plants.map((plant) => (
            <li key={plant.id} className="rounded-xl border border-slate-200 p-3" data-testid="plant" data-code={plant.code}>
              <details className="group">
                <summary className="flex min-h-11 cursor-pointer flex-wrap items-center gap-x-3 gap-y-1">
                  <span className="font-semibold">{plant.name}</span>
                  <span className="font-mono text-sm text-slate-700">{plant.code}</span>
                  <span className="text-sm text-slate-600">{plant.city}</span>
                  {plant.isMain ? (
                    <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-800" data-testid="plant-main">
                      {t('main')}
                    </span>
                  ) : null}
                  <span className="ml-auto text-sm text-brand-700 underline underline-offset-2">{t('edit')}</span>
                </summary>
                <div className="mt-3">
                  <EditPlantForm plant={plant} />
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
      {plants.length > 0 ? <MainPlantForm plants={plants} /> : null}
      <AddPlantForm />
    </div>
  );
}
