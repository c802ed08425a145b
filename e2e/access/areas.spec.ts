import { expect, test } from '@playwright/test';
import { DEMO_USERS, signIn, type DemoUser } from '../fixtures/users';

const AREAS = ['/dealer', '/claims', '/factory'] as const;

// Who may enter which area; everyone else is sent back to their own.
const ALLOWED: Record<DemoUser, readonly string[]> = {
  dealer: ['/dealer'],
  dealer2: ['/dealer'],
  claims: ['/claims'],
  factory: ['/factory'],
  admin: ['/factory', '/claims'],
  staff: ['/dealer'],
  dealer3: ['/dealer'],
  dealer4: ['/dealer'],
};

for (const user of Object.keys(DEMO_USERS) as DemoUser[]) {
  test(`${user} is refused the areas of other roles`, async ({ page }) => {
    await signIn(page, user);
    for (const area of AREAS) {
      await page.goto(`${area}/account`);
      if (ALLOWED[user].includes(area)) {
        await expect(page).toHaveURL(new RegExp(`${area}/account$`));
      } else {
        await expect(page).toHaveURL(new RegExp(`${DEMO_USERS[user].area}$`));
      }
    }
  });
}

test('a stranger is sent to sign in from every area', async ({ page }) => {
  for (const area of AREAS) {
    await page.goto(area);
    await expect(page).toHaveURL(new RegExp(`/login\\?callbackUrl=${encodeURIComponent(area)}$`));
  }
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
});
