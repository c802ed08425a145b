import { expect, test } from '@playwright/test';
import { signIn } from '../fixtures/users';

test('the language switch changes the interface and is remembered', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByRole('button', { name: 'УКР' }).click();
  await expect(page.getByRole('heading', { name: 'Вхід' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');

  // This user has no language of his own yet: the choice made on the sign-in page holds.
  await signIn(page, 'staff');
  await expect(page.getByRole('heading', { name: 'Взаєморозрахунки із заводом' })).toBeVisible();
  await page.getByRole('button', { name: 'РУС' }).click();
  await expect(page.getByRole('heading', { name: 'Взаиморасчёты с заводом' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Разделы' }).getByRole('link', { name: 'Главная' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Заказы по статусам' })).toBeVisible();

  await page.getByRole('button', { name: 'ENG' }).click();
  await expect(page.getByRole('heading', { name: 'Orders by status' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a stranger gets the browser language', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ru-RU' });
  const page = await context.newPage();
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Вход' })).toBeVisible();
  await context.close();
});
